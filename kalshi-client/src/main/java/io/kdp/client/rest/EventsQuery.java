package io.kdp.client.rest;

import java.time.Instant;
import java.util.Set;

/**
 * Filters of {@code GET /events} (multivariate events are not listed there).
 *
 * @param limit page size, 1..200
 * @param withNestedMarkets include each event's markets
 * @param status {@code unopened}, {@code open}, {@code closed} or {@code settled}
 * @param seriesTicker one series
 * @param minCloseTs events with at least one market closing after this
 */
public record EventsQuery(
    Integer limit,
    Boolean withNestedMarkets,
    String status,
    String seriesTicker,
    Instant minCloseTs) {

  private static final Set<String> STATUSES = Set.of("unopened", "open", "closed", "settled");

  /** Every event with its markets, 200 a page. */
  public static final EventsQuery ALL_WITH_MARKETS = new EventsQuery(200, true, null, null, null);

  public EventsQuery {
    if (limit != null && (limit < 1 || limit > 200)) {
      throw new IllegalArgumentException("limit must be 1..200: " + limit);
    }
    if (status != null && !STATUSES.contains(status)) {
      throw new IllegalArgumentException("status must be one of " + STATUSES + ": " + status);
    }
  }

  public EventsQuery withStatus(String s) {
    return new EventsQuery(limit, withNestedMarkets, s, seriesTicker, minCloseTs);
  }

  public EventsQuery withSeriesTicker(String s) {
    return new EventsQuery(limit, withNestedMarkets, status, s, minCloseTs);
  }

  public EventsQuery withLimit(int n) {
    return new EventsQuery(n, withNestedMarkets, status, seriesTicker, minCloseTs);
  }

  public QueryParams params() {
    return QueryParams.of()
        .with("limit", limit)
        .with("with_nested_markets", withNestedMarkets)
        .with("status", status)
        .with("series_ticker", seriesTicker)
        .with("min_close_ts", MarketsQuery.seconds(minCloseTs));
  }
}
