package io.kdp.bench.deduplag;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kdp.bench.DedupBench;
import io.kdp.bench.SqlStats;
import io.kdp.dedup.Deduplicator;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.dedup.sync.ReaderRole;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import io.kdp.testkit.DedicatedPostgres;
import io.kdp.testkit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./kdp bench dedup-lag [--rate R] [--seconds S] [--warmup W] [--markets M] [--sample-every
 * N] [--flush-ms F] [--window-ms W] [--grace-ms G] [--poll-ms P] [--watermark-ms K] [--sql-stats]}:
 * three gatherer databases each receiving a steady R rows/s (deltas, trades and tickers as the
 * exchange mixes them, written by the real store writers every F ms, stream watermarks advanced as
 * the gatherer's {@code WatermarkWriter} does: a mark every K ms, written once its rows are
 * committed) while the real {@link Deduplicator} runs live (its reference configuration unless
 * W/G/P are given: 250 ms window, 2 s grace, 200 ms poll), all on one embedded PostgreSQL. Every
 * N-th message is sampled: its lag is the production commit that first held it minus the commit of
 * the gatherer copy production kept. Prints JSON: lag p50/p99/max per kind, rows/s sustained, the
 * watermark writes' rate and mean time, CPU, and where the deduplicator's cycles spent their time.
 *
 * <p>Book deltas wait by design: a window is decided only after it ends and every live gatherer's
 * watermark, less the grace, has passed its end; {@code design_wait_ms} is that part (window end +
 * grace - commit), the watermark's trail (up to K ms plus a flush) and the cycle come on top.
 */
public final class DedupLagBench {

  private static final Logger LOG = LoggerFactory.getLogger(DedupLagBench.class);

  private DedupLagBench() {}

  public static void main(String[] args) throws Exception {
    int rate = arg(args, "--rate", 10_000);
    int seconds = arg(args, "--seconds", 30);
    int warmup = arg(args, "--warmup", 10);
    int markets = arg(args, "--markets", 200);
    int sampleEvery = arg(args, "--sample-every", 50);
    int flushMillis = arg(args, "--flush-ms", 100);
    int watermarkMillis =
        arg(
            args,
            "--watermark-ms",
            (int) io.kdp.gatherer.writer.WatermarkWriter.DEFAULT_INTERVAL.toMillis());
    boolean sqlStats = java.util.Arrays.asList(args).contains("--sql-stats");
    List<String> names = List.of("a", "b", "c");
    try (DedicatedPostgres server = DedicatedPostgres.open()) {
      List<DedupConfig.Gatherer> gatherers = new ArrayList<>();
      List<TestDatabase> dbs = new ArrayList<>();
      for (String g : names) {
        TestDatabase db = server.createDatabase();
        Migrations.migrateTimeSeries(db.dataSource(), Retention.defaults());
        Migrations.migrateMetadata(db.dataSource());
        try (Connection c = db.connect()) {
          ReaderRole.create(c, "kdp_dedup_reader", null);
        }
        dbs.add(db);
        String url = db.urlWithoutUser();
        DedupConfig.Database d = new DedupConfig.Database(url, "kdp_dedup_reader", null, 2);
        gatherers.add(new DedupConfig.Gatherer(g, d, d));
      }
      TestDatabase prod = server.createDatabase();
      if (sqlStats) {
        SqlStats.enable(server, prod);
      }
      String prodUrl = prod.urlWithoutUser();
      DedupConfig config =
          DedupConfig.of(new DedupConfig.Database(prodUrl, "postgres", null, 2), gatherers);
      config =
          config
              .withWindow(
                  Duration.ofMillis(arg(args, "--window-ms", (int) config.window().toMillis())))
              .withGrace(
                  Duration.ofMillis(arg(args, "--grace-ms", (int) config.grace().toMillis())))
              .withPollInterval(
                  Duration.ofMillis(
                      arg(args, "--poll-ms", (int) config.pollInterval().toMillis())));
      LagSamples samples = new LagSamples(names);
      long start = LagSamples.nowMicros() + 500_000;
      List<PacedGatherer> writers = new ArrayList<>();
      List<HikariDataSource> pools = new ArrayList<>();
      for (TestDatabase db : dbs) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(db.jdbcUrl()); // a gatherer writes through a pool, as the real one does
        hc.setMaximumPoolSize(2);
        pools.add(new HikariDataSource(hc));
      }
      try (Deduplicator d =
              Deduplicator.open(config, InstantSource.system(), new SimpleMeterRegistry());
          Connection prodConnection = prod.connect()) {
        for (int i = 0; i < names.size(); i++) {
          ExchangeStream stream =
              new ExchangeStream(
                  names.get(i), 10L * (i + 1), start, rate, markets, 2_000 + 700 * i, 7);
          writers.add(
              new PacedGatherer(
                      i,
                      names.get(i),
                      pools.get(i),
                      stream,
                      samples,
                      flushMillis,
                      watermarkMillis,
                      sampleEvery)
                  .start());
        }
        long measureFrom = start + warmup * 1_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000L;
        long drainTo = measureTo + config.window().toNanos() / 1000 + 15_000_000;
        Meters before = null;
        Meters after = null;
        long rowsRead = 0;
        long cycles = 0;
        long written0 = 0;
        long written1 = 0;
        while (LagSamples.nowMicros() < drainTo) {
          long now = LagSamples.nowMicros();
          if (before == null && now >= measureFrom) {
            if (sqlStats) {
              SqlStats.reset(prod);
            }
            before = Meters.read(server);
            written0 = writers.stream().mapToLong(PacedGatherer::rowsWritten).sum();
          }
          if (after == null && now >= measureTo) {
            after = Meters.read(server);
            written1 = writers.stream().mapToLong(PacedGatherer::rowsWritten).sum();
          }
          for (PacedGatherer w : writers) {
            w.check();
          }
          Deduplicator.Cycle c;
          try {
            c = d.runOnce(true);
          } catch (SQLException e) {
            LOG.warn("merge transaction failed ({}); retrying", e.getMessage());
            Thread.sleep(config.backoffInitial().toMillis());
            continue;
          }
          samples.findIn(prodConnection, LagSamples.nowMicros());
          if (before != null && after == null) {
            rowsRead += c.rowsRead();
            cycles++;
          }
          if (c.caughtUp() || c.rowsRead() == 0) {
            Thread.sleep(config.pollInterval().toMillis());
          }
        }
        long[] marks = new long[2];
        for (PacedGatherer w : writers) {
          w.close();
          marks[0] += w.watermarkWrites()[0];
          marks[1] += w.watermarkWrites()[1];
        }
        pools.forEach(HikariDataSource::close);
        long windowMicros = config.window().toNanos() / 1000;
        long graceMicros = config.grace().toNanos() / 1000;
        LagSamples.DesignWait none = (t, c) -> 0;
        LagSamples.DesignWait book =
            (t, c) ->
                Math.max(0, (Math.floorDiv(t, windowMicros) + 1) * windowMicros + graceMicros - c);
        var trades = samples.summary(ExchangeStream.Kind.TRADE, measureFrom, measureTo, none);
        var tickers = samples.summary(ExchangeStream.Kind.TICKER, measureFrom, measureTo, none);
        var deltas = samples.summary(ExchangeStream.Kind.DELTA, measureFrom, measureTo, book);
        double span = seconds;
        System.out.printf(
            Locale.ROOT,
            "{\"benchmark\":\"dedup-lag\",\"gatherers\":3,\"rate_per_gatherer\":%d,\"markets\":%d,"
                + "\"seconds\":%d,\"window_ms\":%d,\"grace_ms\":%d,\"poll_ms\":%d,\"watermark_interval_ms\":%d,"
                + "\"gatherer_rows_written_per_s\":%.0f,\"dedup_rows_read_per_s\":%.0f,\"cycles\":%d,"
                + "\"writers_max_flush_ms\":%.1f,\"watermark_writes_per_s\":%.1f,"
                + "\"watermark_write_ms_mean\":%.2f,"
                + "\"lag_ms\":{\"trades\":%s,\"tickers\":%s,\"book_deltas\":%s},"
                + "\"cpu_cores\":%s,\"load_average\":%.2f,\"dedup_cycles\":%s,\"sql\":%s}%n",
            rate,
            markets,
            seconds,
            windowMicros / 1000,
            graceMicros / 1000,
            config.pollInterval().toMillis(),
            watermarkMillis,
            (written1 - written0) / span,
            rowsRead / span,
            cycles,
            writers.stream().mapToLong(PacedGatherer::maxFlushBehindMicros).max().orElse(0) / 1e3,
            marks[0] / (double) names.size() / ((drainTo - start) / 1e6),
            marks[0] == 0 ? 0 : marks[1] / 1e6 / marks[0],
            json(trades, false),
            json(tickers, false),
            json(deltas, true),
            after.coresSince(before, span),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(),
            DedupBench.phasesJson(d.timings()),
            sqlStats ? SqlStats.top(prod, 12) : "[]");
      }
    }
  }

  private static String json(LagSamples.Summary s, boolean design) {
    String lag = s.lag().json();
    return "{\"samples\":"
        + s.samples()
        + ",\"not_merged\":"
        + s.notMerged()
        + ",\"lag\":"
        + lag
        + (design ? ",\"design_wait\":" + s.design().json() : "")
        + "}";
  }

  private static int arg(String[] args, String name, int def) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return def;
  }
}
