package io.kdp.store.row;

/** Which Kalshi interface a row was received on; stored as {@code 'ws'} or {@code 'rest'}. */
public enum FeedSource {
  WS("ws"),
  REST("rest");

  private final String sql;

  FeedSource(String sql) {
    this.sql = sql;
  }

  /** The stored value. */
  public String sql() {
    return sql;
  }

  /** The source for a stored value. */
  public static FeedSource fromSql(String s) {
    return switch (s) {
      case "ws" -> WS;
      case "rest" -> REST;
      default -> throw new IllegalArgumentException("not a feed source: \"" + s + "\"");
    };
  }
}
