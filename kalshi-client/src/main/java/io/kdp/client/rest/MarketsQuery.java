package io.kdp.client.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Filters of {@code GET /markets}; {@code null} means "not filtered". The compact constructor
 * rejects what Kalshi rejects (bad status or {@code mve_filter} values, limit outside 1..1000,
 * timestamp filters with a status they do not allow, {@code min_updated_ts} with other filters), so
 * a bad query fails before it costs a request.
 *
 * @param limit page size, 1..1000 (Kalshi's default is 100)
 * @param eventTicker one event
 * @param seriesTicker one series
 * @param tickers these markets (sent comma-joined)
 * @param status {@code unopened}, {@code open}, {@code paused}, {@code closed} or {@code settled}
 * @param minCreatedTs created at or after (Unix seconds on the wire)
 * @param maxCreatedTs created at or before
 * @param minCloseTs closing at or after
 * @param maxCloseTs closing at or before
 * @param minSettledTs settled at or after
 * @param maxSettledTs settled at or before
 * @param minUpdatedTs metadata changed at or after; combines only with {@code mve_filter=exclude}
 * @param mveFilter {@code only} or {@code exclude} multivariate (combo) markets
 */
public record MarketsQuery(
    Integer limit,
    String eventTicker,
    String seriesTicker,
    List<String> tickers,
    String status,
    Instant minCreatedTs,
    Instant maxCreatedTs,
    Instant minCloseTs,
    Instant maxCloseTs,
    Instant minSettledTs,
    Instant maxSettledTs,
    Instant minUpdatedTs,
    String mveFilter) {

  private static final Set<String> STATUSES =
      Set.of("unopened", "open", "paused", "closed", "settled");

  /** Every market, 1000 a page. */
  public static final MarketsQuery ALL =
      new MarketsQuery(
          1000, null, null, null, null, null, null, null, null, null, null, null, null);

  public MarketsQuery {
    tickers = tickers == null ? null : List.copyOf(tickers);
    if (limit != null && (limit < 1 || limit > 1000)) {
      throw new IllegalArgumentException("limit must be 1..1000: " + limit);
    }
    if (status != null && !STATUSES.contains(status)) {
      throw new IllegalArgumentException("status must be one of " + STATUSES + ": " + status);
    }
    if (mveFilter != null && !mveFilter.equals("only") && !mveFilter.equals("exclude")) {
      throw new IllegalArgumentException("mve_filter must be only or exclude: " + mveFilter);
    }
    boolean created = minCreatedTs != null || maxCreatedTs != null;
    boolean close = minCloseTs != null || maxCloseTs != null;
    boolean settled = minSettledTs != null || maxSettledTs != null;
    if ((created ? 1 : 0) + (close ? 1 : 0) + (settled ? 1 : 0) > 1) {
      throw new IllegalArgumentException("only one of created, close and settled ranges at a time");
    }
    if (created && status != null && !status.equals("unopened") && !status.equals("open")) {
      throw new IllegalArgumentException("created_ts filters allow status unopened or open only");
    }
    if (close && status != null && !status.equals("closed")) {
      throw new IllegalArgumentException("close_ts filters allow status closed only");
    }
    if (settled && status != null && !status.equals("settled")) {
      throw new IllegalArgumentException("settled_ts filters allow status settled only");
    }
    boolean others =
        created
            || close
            || settled
            || status != null
            || eventTicker != null
            || seriesTicker != null
            || tickers != null
            || "only".equals(mveFilter);
    if (minUpdatedTs != null && others) {
      throw new IllegalArgumentException(
          "min_updated_ts combines with no other filter except mve_filter=exclude");
    }
  }

  public MarketsQuery withLimit(int n) {
    return new MarketsQuery(
        n,
        eventTicker,
        seriesTicker,
        tickers,
        status,
        minCreatedTs,
        maxCreatedTs,
        minCloseTs,
        maxCloseTs,
        minSettledTs,
        maxSettledTs,
        minUpdatedTs,
        mveFilter);
  }

  public MarketsQuery withStatus(String s) {
    return new MarketsQuery(
        limit,
        eventTicker,
        seriesTicker,
        tickers,
        s,
        minCreatedTs,
        maxCreatedTs,
        minCloseTs,
        maxCloseTs,
        minSettledTs,
        maxSettledTs,
        minUpdatedTs,
        mveFilter);
  }

  public MarketsQuery withEventTicker(String e) {
    return new MarketsQuery(
        limit,
        e,
        seriesTicker,
        tickers,
        status,
        minCreatedTs,
        maxCreatedTs,
        minCloseTs,
        maxCloseTs,
        minSettledTs,
        maxSettledTs,
        minUpdatedTs,
        mveFilter);
  }

  public MarketsQuery withSeriesTicker(String s) {
    return new MarketsQuery(
        limit,
        eventTicker,
        s,
        tickers,
        status,
        minCreatedTs,
        maxCreatedTs,
        minCloseTs,
        maxCloseTs,
        minSettledTs,
        maxSettledTs,
        minUpdatedTs,
        mveFilter);
  }

  public MarketsQuery withTickers(List<String> t) {
    return new MarketsQuery(
        limit,
        eventTicker,
        seriesTicker,
        t,
        status,
        minCreatedTs,
        maxCreatedTs,
        minCloseTs,
        maxCloseTs,
        minSettledTs,
        maxSettledTs,
        minUpdatedTs,
        mveFilter);
  }

  public MarketsQuery createdBetween(Instant min, Instant max) {
    return new MarketsQuery(
        limit,
        eventTicker,
        seriesTicker,
        tickers,
        status,
        min,
        max,
        minCloseTs,
        maxCloseTs,
        minSettledTs,
        maxSettledTs,
        minUpdatedTs,
        mveFilter);
  }

  public MarketsQuery closingBetween(Instant min, Instant max) {
    return new MarketsQuery(
        limit,
        eventTicker,
        seriesTicker,
        tickers,
        status,
        minCreatedTs,
        maxCreatedTs,
        min,
        max,
        minSettledTs,
        maxSettledTs,
        minUpdatedTs,
        mveFilter);
  }

  public MarketsQuery settledBetween(Instant min, Instant max) {
    return new MarketsQuery(
        limit,
        eventTicker,
        seriesTicker,
        tickers,
        status,
        minCreatedTs,
        maxCreatedTs,
        minCloseTs,
        maxCloseTs,
        min,
        max,
        minUpdatedTs,
        mveFilter);
  }

  public MarketsQuery updatedSince(Instant min) {
    return new MarketsQuery(
        limit,
        eventTicker,
        seriesTicker,
        tickers,
        status,
        minCreatedTs,
        maxCreatedTs,
        minCloseTs,
        maxCloseTs,
        minSettledTs,
        maxSettledTs,
        min,
        mveFilter);
  }

  public MarketsQuery withMveFilter(String f) {
    return new MarketsQuery(
        limit,
        eventTicker,
        seriesTicker,
        tickers,
        status,
        minCreatedTs,
        maxCreatedTs,
        minCloseTs,
        maxCloseTs,
        minSettledTs,
        maxSettledTs,
        minUpdatedTs,
        f);
  }

  /** The query string, in Kalshi's parameter names, timestamps as Unix seconds. */
  public QueryParams params() {
    return QueryParams.of()
        .with("limit", limit)
        .with("event_ticker", eventTicker)
        .with("series_ticker", seriesTicker)
        .commaJoined("tickers", tickers)
        .with("status", status)
        .with("min_created_ts", seconds(minCreatedTs))
        .with("max_created_ts", seconds(maxCreatedTs))
        .with("min_close_ts", seconds(minCloseTs))
        .with("max_close_ts", seconds(maxCloseTs))
        .with("min_settled_ts", seconds(minSettledTs))
        .with("max_settled_ts", seconds(maxSettledTs))
        .with("min_updated_ts", seconds(minUpdatedTs))
        .with("mve_filter", mveFilter);
  }

  static Long seconds(Instant t) {
    return t == null ? null : t.getEpochSecond();
  }
}
