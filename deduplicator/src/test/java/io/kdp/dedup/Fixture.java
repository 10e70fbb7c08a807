package io.kdp.dedup;

import io.kdp.client.model.Side;
import io.kdp.dedup.book.Book;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.dedup.sync.ReaderRole;
import io.kdp.store.GathererStore;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.ConnectionWatermarks;
import io.kdp.store.writer.CopyWriter;
import io.kdp.store.writer.SequenceGapWriter;
import io.kdp.store.writer.StreamWatermarks;
import io.kdp.store.writer.TradeWriter;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Gatherer databases migrated with the store's gatherer migrations and filled through its real
 * writers, a production database, the read-only role, and reading production back.
 */
public final class Fixture {

  public static final String READER = "kdp_dedup_reader";

  private Fixture() {}

  /** A fresh gatherer database (time series and metadata in one) readable by {@link #READER}. */
  public static TestDatabase gathererDatabase() throws SQLException {
    return prepareGatherer(SharedPostgres.createDatabase());
  }

  /** Migrates {@code db} as a gatherer database readable by {@link #READER}. */
  public static TestDatabase prepareGatherer(TestDatabase db) throws SQLException {
    Migrations.migrateTimeSeries(db.dataSource(), Retention.defaults());
    Migrations.migrateMetadata(db.dataSource());
    try (Connection c = db.connect()) {
      ReaderRole.create(c, READER, null);
    }
    return db;
  }

  /** Its JDBC URL without a user (the config names the user). */
  public static String url(TestDatabase db) {
    return db.urlWithoutUser();
  }

  /** Deduplicator settings for tests: gatherers read as {@link #READER}, a long max delay. */
  public static DedupConfig config(TestDatabase production, Map<String, TestDatabase> gatherers) {
    List<DedupConfig.Gatherer> gs = new ArrayList<>();
    gatherers.forEach(
        (name, db) -> {
          DedupConfig.Database d = new DedupConfig.Database(url(db), READER, null, 2);
          gs.add(new DedupConfig.Gatherer(name, d, d));
        });
    DedupConfig c =
        DedupConfig.of(new DedupConfig.Database(url(production), "postgres", null, 2), gs);
    return new DedupConfig(
        c.production(),
        c.gatherers(),
        c.window(),
        c.grace(),
        Duration.ofMinutes(10),
        c.batchSize(),
        c.maxWindowsPerCycle(),
        c.pollInterval(),
        Duration.ofMillis(50),
        Duration.ofMillis(200),
        c.compressAfter());
  }

  /**
   * Stores the rows of {@code r} received in {@code [from, to)} as the gatherer's writers would: a
   * transaction per table and batch of 500; then, as its running process would, advances its stream
   * watermark to {@code to} (open-ended: a minute past its newest row) and each book connection
   * opened by then to the same, or to when it dropped (then closed).
   */
  public static void load(TestDatabase db, ExchangeScript.Recorded r, long from, long to)
      throws SQLException {
    write(
        db,
        r.snapshots(),
        SnapshotRow::receivedAtMicros,
        from,
        to,
        (c, b) -> new CopyWriter<>(Tables.SNAPSHOTS).write(c, b));
    write(
        db,
        r.deltas(),
        d -> d.receivedAtMicros(),
        from,
        to,
        (c, b) -> new CopyWriter<>(Tables.DELTAS).write(c, b));
    write(
        db,
        r.trades(),
        t -> t.receivedAtMicros(),
        from,
        to,
        (c, b) -> new TradeWriter().write(c, b));
    write(
        db,
        r.tickers(),
        t -> t.receivedAtMicros(),
        from,
        to,
        (c, b) -> new CopyWriter<>(Tables.TICKERS).write(c, b));
    write(
        db,
        r.gaps(),
        g -> g.detectedAtMicros(),
        from,
        to,
        (c, b) -> new SequenceGapWriter().open(c, b));
    String gatherer = r.snapshots().getFirst().provenance().gatherer();
    long newest =
        r.snapshots().stream().mapToLong(SnapshotRow::receivedAtMicros).max().orElseThrow();
    for (var d : r.deltas()) {
      newest = Math.max(newest, d.receivedAtMicros());
    }
    long watermark = to == Long.MAX_VALUE ? newest + 60_000_000L : to;
    GathererStore.inTransaction(
        db.dataSource(),
        c -> {
          StreamWatermarks.advance(c, gatherer, watermark);
          List<ConnectionWatermarks.Mark> marks = new ArrayList<>();
          for (long[] conn : r.connections()) {
            if (conn[1] < watermark) {
              boolean dropped = conn[2] < watermark;
              marks.add(
                  new ConnectionWatermarks.Mark(conn[0], dropped ? conn[2] : watermark, dropped));
            }
          }
          ConnectionWatermarks.write(c, gatherer, marks, watermark);
          return null;
        });
  }

  private interface Batch<R> {
    Object write(Connection c, List<R> rows) throws SQLException;
  }

  private static <R> void write(
      TestDatabase db, List<R> rows, ToLongFunction<R> at, long from, long to, Batch<R> writer)
      throws SQLException {
    Predicate<R> in = x -> at.applyAsLong(x) >= from && at.applyAsLong(x) < to;
    List<R> chosen = rows.stream().filter(in).toList();
    for (int i = 0; i < chosen.size(); i += 500) {
      List<R> batch = chosen.subList(i, Math.min(chosen.size(), i + 500));
      GathererStore.inTransaction(db.dataSource(), c -> writer.write(c, batch));
    }
  }

  /** The books production replays to at {@code t}: ws and resync snapshots and deltas in order. */
  public static Map<String, Book> replay(Connection c, long t) throws SQLException {
    Map<String, Book> books = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT market, time, connection_id, sid, seq, yes_prices, yes_sizes, no_prices,"
                + " no_sizes, null AS side, 0 AS price, 0 AS delta FROM orderbook_snapshots WHERE"
                + " source IN ('ws', 'resync') AND time <= kdp_micros(?) UNION ALL SELECT market,"
                + " time, connection_id, sid, seq, null, null, null, null, side, price, delta FROM"
                + " orderbook_deltas WHERE time <= kdp_micros(?) ORDER BY time, connection_id, sid,"
                + " seq")) {
      ps.setLong(1, t);
      ps.setLong(2, t);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Book b = books.computeIfAbsent(rs.getString(1), m -> new Book());
          if (rs.getString("side") == null) {
            b.reset(levels(rs.getArray(6), rs.getArray(7)), levels(rs.getArray(8), rs.getArray(9)));
          } else if (!b.apply(
              Side.fromWire(rs.getString("side")), rs.getLong("price"), rs.getLong("delta"))) {
            throw new AssertionError("production delta does not apply at " + rs.getObject(2));
          }
        }
      }
    }
    return books;
  }

  private static List<io.kdp.client.ws.message.Level> levels(Array prices, Array sizes)
      throws SQLException {
    Long[] p = (Long[]) prices.getArray();
    Long[] s = (Long[]) sizes.getArray();
    List<io.kdp.client.ws.message.Level> out = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      out.add(new io.kdp.client.ws.message.Level(p[i], s[i]));
    }
    return out;
  }

  /** The rows of a query as strings, one per row, columns joined by '|'. */
  public static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  /** A clock the test sets. */
  public static final class TestClock implements InstantSource {
    private volatile Instant now;

    public TestClock(long micros) {
      set(micros);
    }

    public void set(long micros) {
      now = Instant.ofEpochSecond(0, micros * 1000);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
