package io.kdp.client.rest;

import java.time.Instant;

/**
 * Filters of {@code GET /markets/trades} and {@code GET /historical/trades}.
 *
 * @param limit page size, 1..1000
 * @param ticker one market, or null for all
 * @param minTs trades at or after (Unix seconds on the wire)
 * @param maxTs trades at or before
 */
public record TradesQuery(Integer limit, String ticker, Instant minTs, Instant maxTs) {

  /** Every trade, 1000 a page. */
  public static final TradesQuery ALL = new TradesQuery(1000, null, null, null);

  public TradesQuery {
    if (limit != null && (limit < 1 || limit > 1000)) {
      throw new IllegalArgumentException("limit must be 1..1000: " + limit);
    }
    if (minTs != null && maxTs != null && minTs.isAfter(maxTs)) {
      throw new IllegalArgumentException("min_ts " + minTs + " is after max_ts " + maxTs);
    }
  }

  /** Trades of one market between two instants (a gap backfill). */
  public static TradesQuery of(String ticker, Instant minTs, Instant maxTs) {
    return new TradesQuery(1000, ticker, minTs, maxTs);
  }

  public QueryParams params() {
    return QueryParams.of()
        .with("limit", limit)
        .with("ticker", ticker)
        .with("min_ts", MarketsQuery.seconds(minTs))
        .with("max_ts", MarketsQuery.seconds(maxTs));
  }
}
