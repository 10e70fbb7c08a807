package io.kdp.archive.layout;

import static io.kdp.archive.layout.Layout.ts;
import static io.kdp.archive.layout.ProcessedLayouts.IN_RANGE;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import java.util.List;

/**
 * {@code processed/table=orderbook}: snapshots and deltas of one hour in one self-contained file.
 * Per market, in market order: first a {@code start} row (the book at the hour's start, rebuilt
 * from the last snapshot before the hour plus the deltas after it), then that hour's {@code
 * snapshot} and {@code delta} rows in replay order. Replay: take the start levels, apply each delta
 * ({@code size += delta} at {@code side, price}), and replace the book at each snapshot.
 */
public final class OrderbookLayout {

  public static final String TABLE = "orderbook";
  public static final int SCHEMA_VERSION = 1;

  public static final int MARKET = 0;
  public static final int KIND = 1;
  public static final int EXCHANGE_TIME = 2;
  public static final int RECEIVED_AT = 3;
  public static final int YES_PRICES = 8;

  public static final List<Column> COLUMNS =
      List.of(
          Column.required("market", ColumnType.STRING, ""),
          Column.required("kind", ColumnType.STRING, ""),
          ts("exchange_time", true),
          ts("received_at", true),
          Column.optional("source", ColumnType.STRING, ""),
          Column.optional("side", ColumnType.STRING, ""),
          Column.optional("price", ColumnType.INT64, "micro-dollars (1/1,000,000 $)"),
          Column.optional("delta", ColumnType.INT64, "hundredths of a contract, signed"),
          Column.optional("yes_prices", ColumnType.INT64_LIST, "micro-dollars, ascending"),
          Column.optional("yes_sizes", ColumnType.INT64_LIST, "hundredths of a contract"),
          Column.optional("no_prices", ColumnType.INT64_LIST, "micro-dollars, ascending"),
          Column.optional("no_sizes", ColumnType.INT64_LIST, "hundredths of a contract"),
          Column.optional("gatherer", ColumnType.STRING, ""),
          Column.optional("connection_id", ColumnType.INT64, ""),
          Column.optional("sid", ColumnType.INT32, ""),
          Column.optional("seq", ColumnType.INT64, ""));

  private static final String EVENT_TIME = "coalesce(exchange_time, received_at)";

  /** The hour's snapshot and delta rows (two range pairs for each of the two tables). */
  public static final String EVENTS =
      "SELECT market, kind, "
          + Layout.micros("exchange_time")
          + ", "
          + Layout.micros("received_at")
          + ", source, side, price, delta, yes_prices, yes_sizes, no_prices, no_sizes,"
          + " gatherer, connection_id, sid, seq FROM ("
          + " SELECT market, 'snapshot' AS kind, 0 AS kind_rank, exchange_time, received_at,"
          + " source, NULL::text AS side, NULL::bigint AS price, NULL::bigint AS delta,"
          + " yes_prices, yes_sizes, no_prices, no_sizes, gatherer, connection_id, sid, seq"
          + " FROM orderbook_snapshots WHERE "
          + IN_RANGE
          + " UNION ALL"
          + " SELECT market, 'delta', 1, exchange_time, received_at, NULL, side, price, delta,"
          + " NULL, NULL, NULL, NULL, gatherer, connection_id, sid, seq"
          + " FROM orderbook_deltas WHERE "
          + IN_RANGE
          + ") e ORDER BY market, "
          + EVENT_TIME
          + ", received_at, kind_rank, gatherer, connection_id, sid, seq";

  private static final String COVERED =
      "WITH covered AS (SELECT DISTINCT market FROM orderbook_snapshots WHERE "
          + IN_RANGE
          + " UNION SELECT DISTINCT market FROM orderbook_deltas WHERE "
          + IN_RANGE
          + ") ";

  /**
   * Per market covered by the hour, its last snapshot in [hour start - lookback, hour start), or
   * null levels when it has none: market, time (µs), yes/no prices and sizes. Parameters: the
   * hour's range four times, then the lookback start and the hour start.
   */
  public static final String LAST_SNAPSHOTS =
      COVERED
          + "SELECT c.market, (extract(epoch from l.t) * 1000000)::bigint, l.yes_prices,"
          + " l.yes_sizes, l.no_prices, l.no_sizes FROM covered c LEFT JOIN ("
          + " SELECT DISTINCT ON (market) market, "
          + EVENT_TIME
          + " AS t, yes_prices, yes_sizes, no_prices, no_sizes FROM orderbook_snapshots"
          + " WHERE market IN (SELECT market FROM covered) AND "
          + EVENT_TIME
          + " >= ? AND "
          + EVENT_TIME
          + " < ? ORDER BY market, "
          + EVENT_TIME
          + " DESC, received_at DESC, gatherer DESC, connection_id DESC, sid DESC, seq DESC"
          + ") l ON l.market = c.market ORDER BY c.market";

  /**
   * The deltas of covered markets in [lookback start, hour start) in replay order: market, time
   * (µs), side, price, delta. Same parameters as {@link #LAST_SNAPSHOTS}.
   */
  public static final String DELTAS_BEFORE =
      COVERED
          + "SELECT market, (extract(epoch from "
          + EVENT_TIME
          + ") * 1000000)::bigint, side, price, delta FROM orderbook_deltas"
          + " WHERE market IN (SELECT market FROM covered) AND "
          + EVENT_TIME
          + " >= ? AND "
          + EVENT_TIME
          + " < ? ORDER BY market, "
          + EVENT_TIME
          + ", received_at, gatherer, connection_id, sid, seq";

  private OrderbookLayout() {}
}
