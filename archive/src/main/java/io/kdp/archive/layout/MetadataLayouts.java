package io.kdp.archive.layout;

import static io.kdp.archive.layout.Layout.text;
import static io.kdp.archive.layout.Layout.ts;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import java.util.List;

/**
 * The rest of production under {@code processed/}: {@code coverage} per hour (which gatherer's book
 * stream each market's rows came from, holes included), and per day the {@code
 * market_status_changes} history and the latest state of {@code markets}, {@code events} and {@code
 * series} (docs/layouts/processed-*.md).
 */
public final class MetadataLayouts {

  /**
   * Coverage runs overlapping the hour, clipped to it (parameters: from, to, from, to), so the
   * hours of a day put together give production's runs cut at hour boundaries.
   */
  public static final Layout COVERAGE =
      new Layout(
          "coverage",
          1,
          List.of(
              text("market", false),
              ts("window_start", false),
              ts("window_end", false),
              text("gatherer", true)),
          "SELECT market, GREATEST(window_start, ?) AS window_start,"
              + " LEAST(window_end, ?) AS window_end, gatherer FROM coverage"
              + " WHERE window_end > ? AND window_start < ? ORDER BY market, window_start");

  /** Status changes of one day of their {@code time} (parameters: from, to). */
  public static final Layout MARKET_STATUS_CHANGES =
      new Layout(
          "market_status_changes",
          1,
          List.of(
              text("ticker", false),
              text("old_status", false),
              text("new_status", false),
              ts("time", false),
              ts("exchange_time", true),
              ts("received_at", false),
              text("gatherer", false)),
          "SELECT ticker, old_status, new_status, time, exchange_time, received_at, gatherer"
              + " FROM market_status_changes WHERE time >= ? AND time < ?"
              + " ORDER BY time, ticker, old_status, new_status");

  /** Every market's latest state when the day is exported (no parameters). */
  public static final Layout MARKETS =
      new Layout(
          "markets",
          1,
          List.of(
              text("ticker", false),
              text("event_ticker", true),
              text("status", true),
              text("result", true),
              new Column(
                  "settlement_value", ColumnType.INT64, true, "micro-dollars (1/1,000,000 $)"),
              ts("exchange_updated_time", true),
              ts("updated_at", false),
              text("gatherer", false),
              json()),
          "SELECT ticker, event_ticker, status, result, settlement_value, exchange_updated_time,"
              + " updated_at, gatherer, state::text AS state FROM markets ORDER BY ticker");

  /** Every event's latest state when the day is exported (no parameters). */
  public static final Layout EVENTS =
      new Layout(
          "events",
          1,
          List.of(
              text("event_ticker", false),
              text("series_ticker", true),
              ts("last_updated_ts", true),
              ts("updated_at", false),
              text("gatherer", false),
              json()),
          "SELECT event_ticker, series_ticker, last_updated_ts, updated_at, gatherer,"
              + " state::text AS state FROM events ORDER BY event_ticker");

  /** Every series' latest state when the day is exported (no parameters). */
  public static final Layout SERIES =
      new Layout(
          "series",
          1,
          List.of(
              text("ticker", false),
              ts("last_updated_ts", true),
              ts("updated_at", false),
              text("gatherer", false),
              json()),
          "SELECT ticker, last_updated_ts, updated_at, gatherer, state::text AS state FROM series"
              + " ORDER BY ticker");

  /** Exported with every hour. */
  public static final List<Layout> HOURLY = List.of(COVERAGE);

  /** Exported once a day, with its hour 23, under {@code date=} only. */
  public static final List<Layout> DAILY = List.of(MARKET_STATUS_CHANGES, MARKETS, EVENTS, SERIES);

  private MetadataLayouts() {}

  private static Column json() {
    return new Column("state", ColumnType.STRING, false, "JSON, the object as Kalshi sent it");
  }
}
