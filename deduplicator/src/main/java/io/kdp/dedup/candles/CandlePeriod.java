package io.kdp.dedup.candles;

/**
 * A candle period as Kalshi's candlesticks endpoint uses them ({@code period_interval} 1, 60 or
 * 1440 minutes): a candle covers {@code (end - length, end]} and is labelled by {@code end}, its
 * inclusive end ({@code end_period_ts}).
 */
public enum CandlePeriod {
  MINUTE("candles_1m", 60_000_000L),
  HOUR("candles_1h", 3_600_000_000L),
  DAY("candles_1d", 86_400_000_000L);

  private final String table;
  private final long micros;

  CandlePeriod(String table, long micros) {
    this.table = table;
    this.micros = micros;
  }

  public String table() {
    return table;
  }

  public long micros() {
    return micros;
  }

  /** The end (label) of the candle holding time {@code t} (Unix µs). */
  public long endOf(long t) {
    return Math.floorDiv(t - 1, micros) * micros + micros;
  }
}
