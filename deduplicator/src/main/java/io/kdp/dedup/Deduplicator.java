package io.kdp.dedup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.dedup.merge.BookMerger;
import io.kdp.dedup.metrics.DedupMetrics;
import io.kdp.dedup.production.MergeCounts;
import io.kdp.dedup.production.ProductionWriter;
import io.kdp.dedup.sync.Backoff;
import io.kdp.dedup.sync.GathererBatch;
import io.kdp.dedup.sync.GathererSource;
import io.kdp.dedup.sync.SyncTable;
import io.kdp.store.GathererStore;
import io.kdp.store.position.Position;
import io.kdp.store.production.ProductionEngine;
import io.kdp.store.production.ProductionStore;
import io.kdp.store.writer.StreamWatermarks;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deduplicator: follows every gatherer's tables through its cursors and merges them into
 * production exactly once. Each {@link #runOnce} reads one batch from every reachable gatherer (an
 * unreachable one is skipped and retried with backoff) and commits one production transaction
 * ({@link MergeCycle}). A failed transaction is rolled back and the merge state reloaded from
 * production, exactly as after a crash.
 */
public final class Deduplicator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Deduplicator.class);

  private final DedupConfig config;
  private final InstantSource clock;
  private final DedupMetrics metrics;
  private final DataSource production;
  private final ProductionEngine engine;
  private final TimescaleUpkeep upkeep;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final Map<String, GathererSource> sources = new LinkedHashMap<>();
  private final Map<String, Backoff> backoff = new HashMap<>();
  private final Map<String, Long> committedTo = new HashMap<>();
  private final Map<String, Long> newest = new HashMap<>();
  private final ProductionWriter writer = new ProductionWriter();
  private BookMerger merger;
  private Map<String, Map<SyncTable, Position>> cursors;

  private Deduplicator(
      DedupConfig config, InstantSource clock, MeterRegistry registry, DataSource production)
      throws SQLException {
    this.config = config;
    this.clock = clock;
    this.metrics = new DedupMetrics(registry);
    if (production == null) {
      HikariDataSource pool = pool("production", config.production(), false);
      pools.add(pool);
      production = pool;
    }
    this.production = production;
    ProductionStore.migrate(production, config.compressAfter());
    try (Connection c = production.getConnection()) {
      engine = ProductionStore.engine(c);
    }
    upkeep = new TimescaleUpkeep(production, engine, config.compressAfter());
    for (DedupConfig.Gatherer g : config.gatherers()) {
      HikariDataSource ts = pool(g.name() + "-ts", g.timeseries(), true);
      pools.add(ts);
      HikariDataSource md = ts;
      if (!g.metadata().url().equals(g.timeseries().url())) {
        md = pool(g.name() + "-md", g.metadata(), true);
        pools.add(md);
      }
      sources.put(g.name(), new GathererSource(g.name(), ts, md));
      backoff.put(g.name(), new Backoff(config.backoffInitial(), config.backoffMax()));
    }
    reload();
    upkeep.start();
  }

  /**
   * Opens the pools, migrates production, loads the saved merge state and finishes what a previous
   * run left pending after its last commit (candle refreshes).
   */
  public static Deduplicator open(DedupConfig config, InstantSource clock, MeterRegistry registry)
      throws SQLException {
    return new Deduplicator(config, clock, registry, null);
  }

  /**
   * As {@link #open(DedupConfig, InstantSource, MeterRegistry)}, on the given production data
   * source instead of a pool on {@code config.production()} (not closed by {@link #close}): for a
   * server that has one session, such as the WASM TimescaleDB of the tests.
   */
  public static Deduplicator open(
      DedupConfig config, InstantSource clock, MeterRegistry registry, DataSource production)
      throws SQLException {
    return new Deduplicator(config, clock, registry, production);
  }

  /** What one cycle did. */
  public record Cycle(
      List<String> read, List<String> down, boolean caughtUp, long decidedTo, long rowsRead) {}

  /** One cycle: read a batch from every reachable gatherer, merge, commit. */
  public Cycle runOnce() throws SQLException {
    long startNanos = System.nanoTime();
    Instant now = clock.instant();
    long nowMicros = micros(now);
    List<GathererBatch> batches = new ArrayList<>();
    List<String> down = new ArrayList<>();
    boolean allCaughtUp = true;
    for (GathererSource s : sources.values()) {
      Backoff b = backoff.get(s.gatherer());
      if (!b.due(now)) {
        down.add(s.gatherer());
        continue;
      }
      try {
        GathererBatch batch =
            s.read(cursors.getOrDefault(s.gatherer(), Map.of()), config.batchSize());
        batches.add(batch);
        b.succeeded();
        metrics.up(s.gatherer(), true);
        allCaughtUp &= batch.caughtUp();
        noteNewest(batch);
      } catch (SQLException e) {
        b.failed(now);
        down.add(s.gatherer());
        metrics.up(s.gatherer(), false);
        LOG.warn(
            "gatherer {} unreachable ({}); retrying with backoff", s.gatherer(), e.getMessage());
      }
    }
    long readNanos = System.nanoTime();
    long limit = decisionLimit(batches, nowMicros);
    try {
      List<MergeCounts> counts =
          GathererStore.inTransaction(
              production,
              c -> {
                List<MergeCounts> n =
                    MergeCycle.run(
                        c,
                        batches,
                        merger,
                        limit,
                        committedTo,
                        config.maxWindowsPerCycle(),
                        writer,
                        engine,
                        now);
                metrics.holes(MergeCycle.holes(c));
                return n;
              });
      metrics.merged(counts);
      LOG.debug(
          "cycle: read {} rows in {} ms, merged in {} ms, decided to {}",
          batches.stream().mapToLong(GathererBatch::rows).sum(),
          (readNanos - startNanos) / 1_000_000,
          (System.nanoTime() - readNanos) / 1_000_000,
          merger.decidedToMicros());
      for (GathererBatch b : batches) {
        Map<SyncTable, Position> next = new EnumMap<>(SyncTable.class);
        next.putAll(cursors.getOrDefault(b.gatherer(), Map.of()));
        next.putAll(b.next());
        cursors.put(b.gatherer(), next);
        metrics.cursors(b.gatherer(), next);
      }
    } catch (SQLException | RuntimeException e) {
      reload();
      throw e;
    }
    upkeep.afterCommit(now);
    report();
    return new Cycle(
        batches.stream().map(GathererBatch::gatherer).toList(),
        down,
        allCaughtUp && down.isEmpty(),
        merger.decidedToMicros(),
        batches.stream().mapToLong(GathererBatch::rows).sum());
  }

  /**
   * Up to where windows may be decided. Each gatherer read this cycle has seen every book row it
   * received before its frontier: its stream watermark, lowered to the newest receive time read
   * from the book tables that are behind ({@link GathererBatch#bookFrontierMicros}). A gatherer
   * whose frontier is more than {@code max-delay} behind the leading one (a dead process's
   * watermark stays where it died) is lagging and waits no one; the others bound the decision at
   * their frontier minus {@code grace}. An unreachable gatherer, or one without a watermark, bounds
   * nothing and has committed nothing for the merger.
   */
  private long decisionLimit(List<GathererBatch> batches, long nowMicros) {
    long grace = config.grace().toNanos() / 1000;
    long maxDelay = config.maxDelay().toNanos() / 1000;
    Map<String, Long> frontier = new HashMap<>();
    long leader = Long.MIN_VALUE;
    for (GathererBatch b : batches) {
      long f = b.bookFrontierMicros(nowMicros);
      if (f != StreamWatermarks.NONE) {
        frontier.put(b.gatherer(), f);
        leader = Math.max(leader, f);
      }
    }
    committedTo.clear();
    long limit = Long.MAX_VALUE;
    for (Map.Entry<String, Long> e : frontier.entrySet()) {
      committedTo.put(e.getKey(), e.getValue() - grace);
      if (e.getValue() >= leader - maxDelay) {
        limit = Math.min(limit, e.getValue() - grace);
      }
    }
    return frontier.isEmpty() ? Long.MIN_VALUE : limit;
  }

  /** Runs cycles until the thread is interrupted, pausing when a cycle found nothing to read. */
  public void run() throws InterruptedException {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Cycle c = runOnce();
        if (c.caughtUp() || c.rowsRead() == 0) {
          Thread.sleep(config.pollInterval().toMillis());
        }
      } catch (SQLException e) {
        LOG.warn("merge transaction failed ({}); state reloaded, retrying", e.getMessage());
        Thread.sleep(config.backoffInitial().toMillis());
      }
    }
  }

  /** The engine production runs on. */
  public ProductionEngine engine() {
    return engine;
  }

  /** The merge state (for tests and the status page). */
  public BookMerger merger() {
    return merger;
  }

  private void reload() throws SQLException {
    writer.reset();
    try (var c = production.getConnection()) {
      MergeCycle.Saved saved =
          MergeCycle.load(c, List.copyOf(sources.keySet()), config.window().toNanos() / 1000);
      merger = saved.merger();
      cursors = new HashMap<>(saved.cursors());
    }
  }

  private void noteNewest(GathererBatch b) {
    long max = newest.getOrDefault(b.gatherer(), Long.MIN_VALUE);
    for (var d : b.deltas()) {
      max = Math.max(max, d.receivedAtMicros());
    }
    for (var s : b.snapshots()) {
      max = Math.max(max, s.receivedAtMicros());
    }
    newest.put(b.gatherer(), max);
  }

  private void report() {
    long decided = merger.decidedToMicros();
    if (decided != BookMerger.UNSET) {
      metrics.decidedToSeconds(decided / 1_000_000);
      newest.forEach(
          (g, t) -> {
            if (t != Long.MIN_VALUE) {
              metrics.lagMillis(g, Math.max(0, (t - decided) / 1000));
            }
          });
    }
    for (String g : sources.keySet()) {
      metrics.lateRows(g, merger.streams(g).lateRows());
    }
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  private static HikariDataSource pool(String name, DedupConfig.Database db, boolean readOnly) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("kdp-dedup-" + name);
    hc.setJdbcUrl(db.url());
    if (db.user() != null) {
      hc.setUsername(db.user());
    }
    if (db.password() != null) {
      hc.setPassword(db.password());
    }
    hc.setMaximumPoolSize(db.poolSize());
    hc.setMinimumIdle(0);
    hc.setReadOnly(readOnly);
    hc.setInitializationFailTimeout(-1);
    hc.setConnectionTimeout(readOnly ? 2_000 : 10_000);
    return new HikariDataSource(hc);
  }

  @Override
  public void close() {
    pools.forEach(HikariDataSource::close);
  }
}
