package io.kdp.sim.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors: the position after the last item returned, encoded so clients cannot read
 * it. Positions are creation indexes (markets, events) or tape numbers (trades); lists are ordered
 * by them, so items added while paging appear once, never twice.
 */
final class Cursor {

  private Cursor() {}

  static String encode(String kind, long position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
  }

  /** The position in a cursor, or {@code dflt} when there is none; 400 when it is not ours. */
  static long decode(String cursor, String kind, long dflt) {
    if (cursor == null) {
      return dflt;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!s.startsWith(kind + ":")) {
        throw ApiException.badRequest("invalid cursor");
      }
      return Long.parseLong(s.substring(kind.length() + 1));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid cursor");
    }
  }
}
