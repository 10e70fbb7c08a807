package io.kdp.client.ws.codec;

/** Appends {@code "name":value} pairs to one JSON object, for the hand-written frame encoder. */
final class JsonObjectWriter {

  /** A JSON string literal with the escapes JSON requires. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private final StringBuilder sb = new StringBuilder(256).append('{');

  private JsonObjectWriter key(String name) {
    if (sb.length() > 1) {
      sb.append(',');
    }
    sb.append('"').append(name).append("\":");
    return this;
  }

  JsonObjectWriter str(String name, String value) {
    key(name).sb.append(quote(value));
    return this;
  }

  JsonObjectWriter strIf(String name, String value) {
    return value == null ? this : str(name, value);
  }

  JsonObjectWriter num(String name, long value) {
    key(name).sb.append(value);
    return this;
  }

  JsonObjectWriter bool(String name, boolean value) {
    key(name).sb.append(value);
    return this;
  }

  JsonObjectWriter raw(String name, String json) {
    key(name).sb.append(json);
    return this;
  }

  String close() {
    return sb.append('}').toString();
  }
}
