package io.kdp.store.row;

/** What every row of a gatherer's sequenced stream carries: its market, two clocks, provenance. */
public interface StreamRow {

  String market();

  /** Unix µs from Kalshi's {@code ts_ms}/{@code ts}, or {@code KalshiWsMessage.NO_TIME}. */
  long exchangeTimeMicros();

  /** Unix µs on the gatherer's clock. */
  long receivedAtMicros();

  Provenance provenance();
}
