package io.kdp.client.model;

/**
 * Exact contract counts as {@code long} hundredths of a contract (Kalshi's granularity is 0.01
 * contract). Kalshi sends counts as FixedPointCount strings ({@code "136.00"}).
 */
public final class Contracts {

  /** Hundredths in one contract. */
  public static final long ONE = 100L;

  private static final int SCALE = 2;

  private Contracts() {}

  /**
   * Parses a FixedPointCount string such as {@code "136.00"}, {@code "-54"} or {@code "0.5"}.
   *
   * @throws NumberFormatException if the text is not a decimal with at most 2 decimals
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

  /** Formats hundredths of a contract with Kalshi's 2 decimals: {@code 13600 -> "136.00"}. */
  public static String format(long centi) {
    return FixedPoint.format(centi, SCALE);
  }
}
