package io.kdp.gatherer.router;

/**
 * How a connection is named in the journal: {@code "<name>:<connectionId>"}, e.g. {@code
 * "ob-0:1764083696123456"}. The name is the role ({@code ob-N}, {@code trade}, {@code ticker},
 * {@code lifecycle}); the id is unique per gatherer across restarts and is the rows' {@code
 * connection_id}. A capture without ids gets {@link #UNKNOWN_ID}.
 */
public record ConnectionTag(String name, long id) {

  /** The id of a connection whose journal line carried none (a foreign capture). */
  public static final long UNKNOWN_ID = 0;

  /** The journal form. */
  public String format() {
    return name + ":" + id;
  }

  /** Parses the journal form; a string without a numeric id keeps the whole string as name. */
  public static ConnectionTag parse(String s) {
    int colon = s.lastIndexOf(':');
    if (colon > 0 && colon < s.length() - 1) {
      try {
        return new ConnectionTag(s.substring(0, colon), Long.parseLong(s.substring(colon + 1)));
      } catch (NumberFormatException e) {
        // fall through: not our format
      }
    }
    return new ConnectionTag(s, UNKNOWN_ID);
  }
}
