package io.kdp.archive.layout;

import static io.kdp.archive.layout.Layout.ts;
import static io.kdp.archive.layout.ProcessedLayouts.IN_RANGE;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import java.util.List;

/**
 * {@code processed/table=orderbook}: production snapshots and deltas of one hour in one
 * self-contained file. Per market, in market order: first a {@code start} row (the book at the
 * hour's start, rebuilt from the last {@code ws}/{@code resync} snapshot before the hour plus the
 * deltas after it), then the hour's rows in production's replay order {@code (time, connection_id,
 * sid, seq)}: {@code snapshot} ({@code ws}, {@code resync}), {@code delta}, and {@code rest}
 * (informational REST snapshots, not part of replay). Replay: take the start levels, apply each
 * delta ({@code size += delta} at {@code side, price}), replace the book at each snapshot.
 */
public final class OrderbookLayout {

  public static final String TABLE = "orderbook";
  public static final int SCHEMA_VERSION = 1;

  public static final int MARKET = 0;
  public static final int KIND = 1;
  public static final int TIME = 2;
  public static final int YES_PRICES = 10;

  public static final List<Column> COLUMNS =
      List.of(
          Column.required("market", ColumnType.STRING, ""),
          Column.required("kind", ColumnType.STRING, ""),
          ts("time", false),
          ts("exchange_time", true),
          ts("received_at", true),
          Column.optional("source", ColumnType.STRING, ""),
          Column.optional("stream_key", ColumnType.STRING, ""),
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

  /** The hour's rows (one range pair for each of the two tables). */
  public static final String EVENTS =
      "SELECT market, kind, "
          + Layout.micros("time")
          + ", "
          + Layout.micros("exchange_time")
          + ", "
          + Layout.micros("received_at")
          + ", source, stream_key, side, price, delta, yes_prices, yes_sizes, no_prices,"
          + " no_sizes, gatherer, connection_id, sid, seq FROM ("
          + " SELECT market, CASE WHEN source = 'rest' THEN 'rest' ELSE 'snapshot' END AS kind,"
          + " CASE WHEN source = 'rest' THEN 2 ELSE 0 END AS kind_rank, time, exchange_time,"
          + " received_at, source, stream_key, NULL::text AS side, NULL::bigint AS price,"
          + " NULL::bigint AS delta, yes_prices, yes_sizes, no_prices, no_sizes, gatherer,"
          + " connection_id, sid, seq FROM orderbook_snapshots WHERE "
          + IN_RANGE
          + " UNION ALL"
          + " SELECT market, 'delta', 1, time, exchange_time, received_at, NULL, NULL, side,"
          + " price, delta, NULL, NULL, NULL, NULL, gatherer, connection_id, sid, seq"
          + " FROM orderbook_deltas WHERE "
          + IN_RANGE
          + ") e ORDER BY market, time, connection_id, sid, seq, kind_rank, gatherer, stream_key";

  private static final String COVERED =
      "WITH covered AS (SELECT DISTINCT market FROM orderbook_snapshots WHERE "
          + IN_RANGE
          + " UNION SELECT DISTINCT market FROM orderbook_deltas WHERE "
          + IN_RANGE
          + "), last AS (SELECT c.market, l.* FROM covered c LEFT JOIN LATERAL ("
          + " SELECT time AS t, connection_id AS c_id, sid AS c_sid, seq AS c_seq, yes_prices,"
          + " yes_sizes, no_prices, no_sizes FROM orderbook_snapshots s"
          + " WHERE s.market = c.market AND s.source IN ('ws', 'resync')"
          + " AND s.time >= ? AND s.time < ?"
          + " ORDER BY s.time DESC, s.connection_id DESC, s.sid DESC, s.seq DESC LIMIT 1"
          + ") l ON true) ";

  /**
   * Per market covered by the hour, its last replayable snapshot in [lookback start, hour start),
   * null levels when none: market, yes/no prices and sizes. Parameters: the hour's range twice,
   * then the lookback start and the hour start.
   */
  public static final String LAST_SNAPSHOTS =
      COVERED
          + "SELECT market, yes_prices, yes_sizes, no_prices, no_sizes FROM last ORDER BY market";

  /**
   * The deltas after each covered market's last snapshot and before the hour, in replay order:
   * market, side, price, delta. Parameters: as {@link #LAST_SNAPSHOTS}, then the hour start.
   */
  public static final String DELTAS_BEFORE =
      COVERED
          + "SELECT d.market, d.side, d.price, d.delta FROM last l JOIN orderbook_deltas d"
          + " ON d.market = l.market AND d.time >= l.t"
          + " AND (d.time, d.connection_id, d.sid, d.seq) > (l.t, l.c_id, l.c_sid, l.c_seq)"
          + " WHERE d.time < ? ORDER BY d.market, d.time, d.connection_id, d.sid, d.seq";

  private OrderbookLayout() {}
}
