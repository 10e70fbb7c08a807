package io.kdp.client.rest;

import java.util.List;

/**
 * Filters of {@code GET /historical/markets} (markets settled before the historical cutoff). Kalshi
 * treats {@code tickers}, {@code event_ticker} and {@code series_ticker} as mutually exclusive.
 *
 * @param limit page size, 1..1000
 * @param tickers these markets (comma-joined)
 * @param eventTicker one event
 * @param seriesTicker one series
 * @param excludeMve {@code mve_filter=exclude} when true
 */
public record HistoricalMarketsQuery(
    Integer limit,
    List<String> tickers,
    String eventTicker,
    String seriesTicker,
    boolean excludeMve) {

  /** Every archived market, 1000 a page. */
  public static final HistoricalMarketsQuery ALL =
      new HistoricalMarketsQuery(1000, null, null, null, false);

  public HistoricalMarketsQuery {
    tickers = tickers == null ? null : List.copyOf(tickers);
    if (limit != null && (limit < 1 || limit > 1000)) {
      throw new IllegalArgumentException("limit must be 1..1000: " + limit);
    }
    int filters =
        (tickers != null ? 1 : 0) + (eventTicker != null ? 1 : 0) + (seriesTicker != null ? 1 : 0);
    if (filters > 1) {
      throw new IllegalArgumentException(
          "tickers, event_ticker and series_ticker are mutually exclusive");
    }
  }

  public QueryParams params() {
    return QueryParams.of()
        .with("limit", limit)
        .commaJoined("tickers", tickers)
        .with("event_ticker", eventTicker)
        .with("series_ticker", seriesTicker)
        .with("mve_filter", excludeMve ? "exclude" : null);
  }
}
