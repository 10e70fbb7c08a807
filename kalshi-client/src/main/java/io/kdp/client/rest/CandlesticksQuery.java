package io.kdp.client.rest;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code GET /series/{series_ticker}/markets/{ticker}/candlesticks}: candles whose end lies in
 * [start, end], each labelled by its inclusive end.
 *
 * @param seriesTicker the market's series
 * @param ticker the market
 * @param start first period end (Unix seconds on the wire)
 * @param end last period end
 * @param periodMinutes 1, 60 or 1440
 * @param includeLatestBeforeStart prepend a synthetic candle carrying the last price before start
 */
public record CandlesticksQuery(
    String seriesTicker,
    String ticker,
    Instant start,
    Instant end,
    int periodMinutes,
    boolean includeLatestBeforeStart) {

  public CandlesticksQuery {
    Objects.requireNonNull(seriesTicker, "seriesTicker");
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (periodMinutes != 1 && periodMinutes != 60 && periodMinutes != 1440) {
      throw new IllegalArgumentException("period_interval must be 1, 60 or 1440: " + periodMinutes);
    }
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("start " + start + " is after end " + end);
    }
  }

  public QueryParams params() {
    return QueryParams.of()
        .with("start_ts", start.getEpochSecond())
        .with("end_ts", end.getEpochSecond())
        .with("period_interval", periodMinutes)
        .with("include_latest_before_start", includeLatestBeforeStart ? true : null);
  }
}
