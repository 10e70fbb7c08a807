package io.kdp.dedup.production;

import static io.kdp.dedup.production.SqlArrays.int4;
import static io.kdp.dedup.production.SqlArrays.int8;
import static io.kdp.dedup.production.SqlArrays.micros;
import static io.kdp.dedup.production.SqlArrays.text;

import io.kdp.client.ws.message.Level;
import io.kdp.dedup.book.BookRow;
import io.kdp.dedup.merge.MergedRow;
import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The merged book into production: deltas keyed by their provenance (never by content), the chosen
 * streams' snapshots ({@code ws}), resync snapshots, and the minute's REST snapshot per market.
 * Deltas, the bulk, go in by {@link BulkLoad}.
 *
 * <p>REST rule: one {@code rest} snapshot per market and UTC minute of its receive time, the one
 * received first (ties: the smaller gatherer id), whichever order the gatherers are merged in.
 */
final class BookWrite {

  private static final String DELTAS =
      "INSERT INTO orderbook_deltas (time, market, side, price, delta, exchange_time,"
          + " received_at, gatherer, connection_id, sid, seq) SELECT kdp_micros(t), m, s, p, d,"
          + " kdp_micros(et), kdp_micros(ra), g, c, sid, seq FROM unnest(?::bigint[], ?::text[],"
          + " ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[],"
          + " ?::bigint[], ?::integer[], ?::bigint[]) AS i(t, m, s, p, d, et, ra, g, c, sid, seq)"
          + " ON CONFLICT DO NOTHING";

  private static final String STAGE =
      "CREATE TEMP TABLE IF NOT EXISTS kdp_stage_deltas (time timestamptz, market text, side text,"
          + " price bigint, delta bigint, exchange_time timestamptz, received_at timestamptz,"
          + " gatherer text, connection_id bigint, sid integer, seq bigint) ON COMMIT DELETE ROWS";

  private static final List<String> COLUMNS =
      List.of(
          "time",
          "market",
          "side",
          "price",
          "delta",
          "exchange_time",
          "received_at",
          "gatherer",
          "connection_id",
          "sid",
          "seq");

  private static final String FROM_STAGE =
      "INSERT INTO orderbook_deltas ("
          + String.join(", ", COLUMNS)
          + ") SELECT "
          + String.join(", ", COLUMNS)
          + " FROM kdp_stage_deltas ON CONFLICT DO NOTHING";

  private static final String SNAPSHOT =
      "INSERT INTO orderbook_snapshots (time, market, source, stream_key, yes_prices, yes_sizes,"
          + " no_prices, no_sizes, exchange_time, received_at, gatherer, connection_id, sid, seq)"
          + " VALUES (kdp_micros(?), ?, ?, ?, ?, ?, ?, ?, kdp_micros(?), kdp_micros(?), ?, ?, ?, ?)";

  private static final String REST_CONFLICT =
      " ON CONFLICT (market, time, source, stream_key) DO UPDATE SET yes_prices ="
          + " excluded.yes_prices, yes_sizes = excluded.yes_sizes, no_prices = excluded.no_prices,"
          + " no_sizes = excluded.no_sizes, exchange_time = excluded.exchange_time, received_at ="
          + " excluded.received_at, gatherer = excluded.gatherer WHERE (excluded.received_at,"
          + " excluded.gatherer) < (orderbook_snapshots.received_at, orderbook_snapshots.gatherer)";

  private static final long MINUTE = 60_000_000L;

  private static final String UNIQUE_VIOLATION = "23505";

  private BookWrite() {}

  private record TimedDelta(DeltaRow row, long time) {}

  /** Writes merged rows; returns {deltas written, snapshots written}. */
  static long[] write(Connection c, List<MergedRow> rows, BulkLoad load) throws SQLException {
    List<TimedDelta> deltas = new ArrayList<>();
    long snapshots = 0;
    try (PreparedStatement ps = c.prepareStatement(SNAPSHOT + " ON CONFLICT DO NOTHING")) {
      for (MergedRow r : rows) {
        switch (r) {
          case MergedRow.Copied(BookRow.Timed(BookRow.Delta d, long t)) ->
              deltas.add(new TimedDelta(d.row(), t));
          case MergedRow.Copied(BookRow.Timed(BookRow.Snapshot s, long t)) -> {
            Provenance p = s.row().provenance();
            String key = p.gatherer() + "/" + p.connectionId() + "/" + p.sid() + "/" + p.seq();
            bind(c, ps, t, s.row(), "ws", key, p);
            ps.addBatch();
            snapshots++;
          }
          case MergedRow.Resync rs -> {
            SnapshotRow row =
                new SnapshotRow(
                    rs.market(),
                    io.kdp.store.row.FeedSource.WS,
                    rs.yes(),
                    rs.no(),
                    rs.timeMicros(),
                    rs.timeMicros(),
                    Provenance.rest(rs.gatherer()));
            bind(c, ps, rs.timeMicros(), row, "resync", "resync", row.provenance());
            ps.addBatch();
            snapshots++;
          }
        }
      }
      ps.executeBatch();
    }
    if (load == BulkLoad.COPY) {
      copyDeltas(c, deltas);
    } else {
      writeDeltas(c, deltas);
    }
    return new long[] {deltas.size(), snapshots};
  }

  /** Writes REST snapshots under the one-per-market-and-minute rule. */
  static void writeRest(Connection c, List<SnapshotRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(SNAPSHOT + REST_CONFLICT)) {
      for (SnapshotRow r : rows) {
        long minute = Math.floorDiv(r.receivedAtMicros(), MINUTE) * MINUTE;
        bind(c, ps, minute, r, "rest", "rest", r.provenance());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Binary COPY straight into {@code orderbook_deltas} under a savepoint: when no delta of the
   * batch is in production yet (every cycle but one re-run after a crash) that is the whole write.
   * When the unique key refuses one, the savepoint is rolled back and the batch goes the idempotent
   * way: COPY into the session's staging table, then one {@code INSERT ... ON CONFLICT DO NOTHING}
   * from it. Either way production ends with the same rows.
   */
  private static void copyDeltas(Connection c, List<TimedDelta> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Savepoint before = c.setSavepoint();
    try {
      copy(c, "orderbook_deltas", rows);
      c.releaseSavepoint(before);
      return;
    } catch (SQLException e) {
      try {
        c.rollback(before);
      } catch (SQLException r) {
        e.addSuppressed(r);
        throw e;
      }
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute(STAGE);
    }
    copy(c, "kdp_stage_deltas", rows);
    try (Statement s = c.createStatement()) {
      s.executeUpdate(FROM_STAGE);
    }
  }

  private static void copy(Connection c, String table, List<TimedDelta> rows) throws SQLException {
    BinaryCopy copy = BinaryCopy.start(c, table, COLUMNS);
    try {
      for (TimedDelta t : rows) {
        DeltaRow d = t.row();
        Provenance p = d.provenance();
        copy.row(COLUMNS.size());
        copy.timestamptz(t.time());
        copy.text(d.market());
        copy.text(d.side().wire());
        copy.int8(d.priceMicros());
        copy.int8(d.deltaCenti());
        copy.timestamptz(d.exchangeTimeMicros());
        copy.timestamptz(d.receivedAtMicros());
        copy.text(p.gatherer());
        copy.int8(p.connectionId());
        copy.int4(p.sid());
        copy.int8(p.seq());
      }
      copy.finish();
    } catch (SQLException | RuntimeException e) {
      copy.cancel();
      throw e;
    }
  }

  private static void writeDeltas(Connection c, List<TimedDelta> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(DELTAS)) {
      int i = 1;
      ps.setArray(i++, int8(c, rows, TimedDelta::time));
      ps.setArray(i++, text(c, rows, d -> d.row().market()));
      ps.setArray(i++, text(c, rows, d -> d.row().side().wire()));
      ps.setArray(i++, int8(c, rows, d -> d.row().priceMicros()));
      ps.setArray(i++, int8(c, rows, d -> d.row().deltaCenti()));
      ps.setArray(i++, int8(c, rows, d -> micros(d.row().exchangeTimeMicros())));
      ps.setArray(i++, int8(c, rows, d -> d.row().receivedAtMicros()));
      ps.setArray(i++, text(c, rows, d -> d.row().provenance().gatherer()));
      ps.setArray(i++, int8(c, rows, d -> d.row().provenance().connectionId()));
      ps.setArray(i++, int4(c, rows, d -> d.row().provenance().sid()));
      ps.setArray(i, int8(c, rows, d -> d.row().provenance().seq()));
      ps.executeUpdate();
    }
  }

  private static void bind(
      Connection c,
      PreparedStatement ps,
      long time,
      SnapshotRow r,
      String source,
      String key,
      Provenance p)
      throws SQLException {
    ps.setLong(1, time);
    ps.setString(2, r.market());
    ps.setString(3, source);
    ps.setString(4, key);
    ps.setArray(5, c.createArrayOf("bigint", prices(r.yes())));
    ps.setArray(6, c.createArrayOf("bigint", sizes(r.yes())));
    ps.setArray(7, c.createArrayOf("bigint", prices(r.no())));
    ps.setArray(8, c.createArrayOf("bigint", sizes(r.no())));
    ps.setObject(9, micros(r.exchangeTimeMicros()), java.sql.Types.BIGINT);
    ps.setLong(10, r.receivedAtMicros());
    ps.setString(11, p.gatherer());
    ps.setLong(12, p.connectionId());
    ps.setInt(13, p.sid());
    ps.setLong(14, p.seq());
  }

  private static Long[] prices(List<Level> levels) {
    return levels.stream().map(Level::priceMicros).toArray(Long[]::new);
  }

  private static Long[] sizes(List<Level> levels) {
    return levels.stream().map(Level::sizeCenti).toArray(Long[]::new);
  }
}
