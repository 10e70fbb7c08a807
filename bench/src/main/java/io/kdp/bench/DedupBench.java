package io.kdp.bench;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.dedup.Deduplicator;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.dedup.sync.ReaderRole;
import io.kdp.store.GathererStore;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TradeRow;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.ConnectionWatermarks;
import io.kdp.store.writer.CopyWriter;
import io.kdp.store.writer.StreamWatermarks;
import io.kdp.store.writer.TradeWriter;
import io.kdp.testkit.DedicatedPostgres;
import io.kdp.testkit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code ./kdp bench dedup [DELTAS_PER_GATHERER] [MARKETS] [--sql-stats] [--warmup]}: three
 * gatherer databases holding the same exchange stream (deltas on one subscription, a trade every
 * fifth event) are merged into production on one embedded PostgreSQL; prints rows read from the
 * gatherers and rows written to production per second, as JSON, with the deduplicator's time per
 * cycle phase and the CPU it and the server used. {@code --sql-stats} adds the statements that took
 * the server the most time ({@code pg_stat_statements}); {@code --warmup} first runs the same merge
 * a quarter the size on databases of its own, so that the JIT has compiled the merge path before
 * the measured run (the default measures a cold JVM: C2 compilation took about a fifth of its CPU);
 * {@code -Dkdp.bench.prefetch=false} turns off reading the next batch while the previous one is
 * written.
 */
public final class DedupBench {

  private static final long T0 = 1_795_608_000_000_000L;
  private static final boolean PREFETCH =
      Boolean.parseBoolean(System.getProperty("kdp.bench.prefetch", "true"));

  private DedupBench() {}

  public static void main(String[] args) throws Exception {
    boolean sqlStats = java.util.Arrays.asList(args).contains("--sql-stats");
    boolean warmup = java.util.Arrays.asList(args).contains("--warmup");
    args = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toArray(String[]::new);
    int deltas = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int markets = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    try (DedicatedPostgres server = DedicatedPostgres.open()) {
      if (warmup) { // the same merge, a quarter the size, on databases of its own: JIT compiled
        merge(server, Math.max(1, deltas / 4), markets, false, false);
      }
      merge(server, deltas, markets, sqlStats, true);
    }
  }

  private static void merge(
      DedicatedPostgres server, int deltas, int markets, boolean sqlStats, boolean print)
      throws Exception {
    List<DedupConfig.Gatherer> gatherers = new ArrayList<>();
    long gathererRows = 0;
    for (String g : List.of("a", "b", "c")) {
      TestDatabase db = server.createDatabase();
      Migrations.migrateTimeSeries(db.dataSource(), Retention.defaults());
      Migrations.migrateMetadata(db.dataSource());
      try (Connection c = db.connect()) {
        ReaderRole.create(c, "kdp_dedup_reader", null);
      }
      gathererRows += fill(db, g, deltas, markets);
      try (Connection c = db.connect()) { // the gatherer ran through: its streams are complete
        long through = T0 + (long) deltas * 10_000 + 10_000_000;
        StreamWatermarks.advance(c, g, through);
        ConnectionWatermarks.write( // and its one book connection (1) too
            c, g, List.of(new ConnectionWatermarks.Mark(1, through, false)), through);
      }
      String url = db.urlWithoutUser();
      DedupConfig.Database d = new DedupConfig.Database(url, "kdp_dedup_reader", null, 2);
      gatherers.add(new DedupConfig.Gatherer(g, d, d));
    }
    TestDatabase prod = server.createDatabase();
    if (sqlStats) {
      SqlStats.enable(server, prod);
    }
    String prodUrl = prod.urlWithoutUser();
    DedupConfig base =
        DedupConfig.of(new DedupConfig.Database(prodUrl, "postgres", null, 2), gatherers);
    DedupConfig config =
        new DedupConfig(
            base.production(),
            base.gatherers(),
            base.window(),
            base.grace(),
            Duration.ofDays(1),
            20_000,
            100_000,
            base.pollInterval(),
            base.backoffInitial(),
            base.backoffMax(),
            base.compressAfter());
    long end = T0 + (long) deltas * 10_000 + 10_000_000;
    InstantSource clock = InstantSource.fixed(Instant.ofEpochSecond(0, end * 1000));
    if (sqlStats) {
      SqlStats.reset(prod);
    }
    long started = System.nanoTime();
    long jvmCpu = JvmMeters.processCpuNanos();
    ServerCpu serverCpu = ServerCpu.read(server.dataDirectory());
    int cycles = 0;
    double seconds;
    double jvmCpuSeconds;
    double pgCpuSeconds;
    String phases;
    try (Deduplicator d = Deduplicator.open(config, clock, new SimpleMeterRegistry())) {
      while (true) {
        cycles++;
        Deduplicator.Cycle c = d.runOnce(PREFETCH);
        if (c.caughtUp() && c.decidedTo() >= end - 4_000_000) {
          break;
        }
      }
      phases = phasesJson(d.timings());
      seconds = (System.nanoTime() - started) / 1e9;
      jvmCpuSeconds = (JvmMeters.processCpuNanos() - jvmCpu) / 1e9;
      pgCpuSeconds = ServerCpu.read(server.dataDirectory()).since(serverCpu) / 1e9;
    }
    long written;
    try (Connection c = prod.connect();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT count(*) FROM orderbook_deltas) + (SELECT count(*) FROM"
                        + " orderbook_snapshots) + (SELECT count(*) FROM trades)")) {
      rs.next();
      written = rs.getLong(1);
    }
    if (!print) {
      return;
    }
    System.out.printf(
        "{\"benchmark\":\"dedup\",\"gatherers\":3,\"markets\":%d,\"gatherer_rows\":%d,"
            + "\"production_rows\":%d,\"seconds\":%.3f,\"cycles\":%d,"
            + "\"gatherer_rows_merged_per_s\":%.0f,\"production_rows_per_s\":%.0f,"
            + "\"cpu_s\":{\"jvm\":%.2f,\"postgres\":%.2f},"
            + "\"cpu_s_per_100k_gatherer_rows\":%.3f,\"load_average\":%.2f,\"dedup_cycles\":%s,"
            + "\"production_db\":\"%s\",\"sql\":%s}%n",
        markets,
        gathererRows,
        written,
        seconds,
        cycles,
        gathererRows / seconds,
        written / seconds,
        jvmCpuSeconds,
        pgCpuSeconds,
        (jvmCpuSeconds + pgCpuSeconds) * 100_000 / gathererRows,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        phases,
        prod.jdbcUrl().replaceAll("^.*/([^/?]+).*$", "$1"),
        sqlStats ? SqlStats.top(prod, 15) : "[]");
  }

  /** The deduplicator's time per cycle phase, as a JSON object of milliseconds. */
  public static String phasesJson(io.kdp.dedup.CycleTimings t) {
    StringBuilder b =
        new StringBuilder("{\"cycles\":")
            .append(t.cycles())
            .append(",\"read_ahead_used\":")
            .append(t.readAhead())
            .append(",\"read_ahead_dropped\":")
            .append(t.readAheadDropped());
    t.millis()
        .forEach(
            (p, ms) ->
                b.append(",")
                    .append('"')
                    .append(p.name().toLowerCase(java.util.Locale.ROOT))
                    .append("_ms\":")
                    .append(ms));
    return b.append('}').toString();
  }

  /** One gatherer's copy of the stream: snapshots, then deltas every 10 ms, a trade every 5th. */
  private static long fill(TestDatabase db, String g, int deltas, int markets) throws Exception {
    Random r = new Random(7);
    int latency = 3_000 + g.charAt(0) * 10;
    List<SnapshotRow> snaps = new ArrayList<>();
    long seq = 0;
    for (int m = 0; m < markets; m++) {
      snaps.add(
          new SnapshotRow(
              "KXBENCH-M" + m,
              FeedSource.WS,
              List.of(new Level(10_000, 100_000)),
              List.of(),
              KalshiWsMessage.NO_TIME,
              T0 + latency,
              new Provenance(g, 1, 1, ++seq)));
    }
    long rows = snaps.size();
    GathererStore.inTransaction(
        db.dataSource(), c -> new CopyWriter<>(Tables.SNAPSHOTS).write(c, snaps));
    List<DeltaRow> batch = new ArrayList<>();
    List<TradeRow> trades = new ArrayList<>();
    for (int i = 0; i < deltas; i++) {
      long t = T0 + 10_000L * (i + 1);
      String market = "KXBENCH-M" + r.nextInt(markets);
      batch.add(
          new DeltaRow(
              market,
              r.nextBoolean() ? Side.YES : Side.NO,
              10_000L * (2 + r.nextInt(90)),
              100L * (1 + r.nextInt(9)),
              t,
              t + latency,
              new Provenance(g, 1, 1, ++seq)));
      if (i % 5 == 0) {
        trades.add(
            new TradeRow(
                "bench-" + i,
                market,
                500_000,
                500_000,
                100,
                Side.YES,
                Side.YES,
                "ask",
                false,
                FeedSource.WS,
                t,
                t + latency,
                new Provenance(g, 2, 2, i / 5 + 1)));
      }
      if (batch.size() == 10_000 || i == deltas - 1) {
        List<DeltaRow> b = List.copyOf(batch);
        List<TradeRow> tr = List.copyOf(trades);
        GathererStore.inTransaction(
            db.dataSource(),
            c -> {
              new CopyWriter<>(Tables.DELTAS).write(c, b);
              return new TradeWriter().write(c, tr);
            });
        rows += b.size() + tr.size();
        batch.clear();
        trades.clear();
      }
    }
    return rows;
  }
}
