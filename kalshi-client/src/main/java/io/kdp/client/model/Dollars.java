package io.kdp.client.model;

/**
 * Exact dollar amounts as {@code long} micro-dollars (1/1,000,000 of a dollar). Kalshi sends prices
 * as FixedPointDollars strings ({@code "0.4200"}, up to 6 decimals for sub-penny grids); they are
 * parsed once, here, and never pass through {@code double}.
 */
public final class Dollars {

  /** Micro-dollars in one dollar. */
  public static final long ONE = 1_000_000L;

  private static final int SCALE = 6;

  private Dollars() {}

  /**
   * Parses a FixedPointDollars string such as {@code "0.4200"} or {@code "-1.5"}.
   *
   * @throws NumberFormatException if the text is not a decimal with at most 6 decimals
   */
  public static long parse(CharSequence text) {
    return FixedPoint.parse(text, SCALE);
  }

  /**
   * Parses {@code buf[off, off+len)} like {@link #parse(CharSequence)}, without allocating (for
   * streaming decoders that hand out their token buffer).
   */
  public static long parse(char[] buf, int off, int len) {
    return FixedPoint.parse(buf, off, len, SCALE);
  }

  /** Formats micro-dollars with Kalshi's 4 decimals ({@code "0.4200"}), or 6 when sub-penny. */
  public static String format(long micros) {
    return micros % 100 == 0
        ? FixedPoint.format(micros / 100, 4)
        : FixedPoint.format(micros, SCALE);
  }
}
