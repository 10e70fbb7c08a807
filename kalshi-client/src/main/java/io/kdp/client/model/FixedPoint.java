package io.kdp.client.model;

/** Allocation-free decimal parsing and formatting at a fixed scale, without {@code double}. */
final class FixedPoint {

  private FixedPoint() {}

  static long parse(CharSequence text, int scale) {
    int n = text.length();
    if (n == 0) {
      throw new NumberFormatException("empty decimal");
    }
    int i = 0;
    boolean negative = false;
    char first = text.charAt(0);
    if (first == '-' || first == '+') {
      negative = first == '-';
      i = 1;
    }
    long value = 0;
    int decimals = -1;
    boolean digits = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        if (decimals >= 0) {
          throw bad(text);
        }
        decimals = 0;
      } else if (c >= '0' && c <= '9') {
        if (decimals >= 0) {
          if (++decimals > scale) {
            if (c != '0') {
              throw new NumberFormatException("more than " + scale + " decimals: \"" + text + "\"");
            }
            continue;
          }
        }
        value = Math.addExact(Math.multiplyExact(value, 10), c - '0');
        digits = true;
      } else {
        throw bad(text);
      }
    }
    if (!digits) {
      throw bad(text);
    }
    for (int d = Math.max(decimals, 0); d < scale; d++) {
      value = Math.multiplyExact(value, 10);
    }
    return negative ? -value : value;
  }

  /** The same grammar as {@link #parse(CharSequence, int)}, over {@code buf[off, off+len)}. */
  static long parse(char[] buf, int off, int len, int scale) {
    if (len == 0) {
      throw new NumberFormatException("empty decimal");
    }
    int i = off;
    int end = off + len;
    boolean negative = false;
    if (buf[i] == '-' || buf[i] == '+') {
      negative = buf[i] == '-';
      i++;
    }
    long value = 0;
    int decimals = -1;
    boolean digits = false;
    for (; i < end; i++) {
      char c = buf[i];
      if (c == '.') {
        if (decimals >= 0) {
          throw bad(new String(buf, off, len));
        }
        decimals = 0;
      } else if (c >= '0' && c <= '9') {
        if (decimals >= 0 && ++decimals > scale) {
          if (c != '0') {
            throw new NumberFormatException(
                "more than " + scale + " decimals: \"" + new String(buf, off, len) + "\"");
          }
          continue;
        }
        value = Math.addExact(Math.multiplyExact(value, 10), c - '0');
        digits = true;
      } else {
        throw bad(new String(buf, off, len));
      }
    }
    if (!digits) {
      throw bad(new String(buf, off, len));
    }
    for (int d = Math.max(decimals, 0); d < scale; d++) {
      value = Math.multiplyExact(value, 10);
    }
    return negative ? -value : value;
  }

  static String format(long value, int scale) {
    StringBuilder sb = new StringBuilder(24);
    if (value < 0) {
      sb.append('-');
    }
    String digits = Long.toString(Math.abs(value));
    if (digits.length() <= scale) {
      sb.append('0').append('.');
      sb.append("0".repeat(scale - digits.length())).append(digits);
    } else {
      int point = digits.length() - scale;
      sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
    }
    return sb.toString();
  }

  private static NumberFormatException bad(CharSequence text) {
    return new NumberFormatException("not a decimal: \"" + text + "\"");
  }
}
