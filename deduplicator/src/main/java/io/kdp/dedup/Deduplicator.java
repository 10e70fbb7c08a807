package io.kdp.dedup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.dedup.merge.BookMerger;
import io.kdp.dedup.merge.PendingChunks;
import io.kdp.dedup.merge.StreamFrontier;
import io.kdp.dedup.metrics.DedupMetrics;
import io.kdp.dedup.production.MergeCounts;
import io.kdp.dedup.production.ProductionWriter;
import io.kdp.dedup.sync.Backoff;
import io.kdp.dedup.sync.GathererBatch;
import io.kdp.dedup.sync.GathererSource;
import io.kdp.dedup.sync.SyncSources;
import io.kdp.dedup.sync.SyncTable;
import io.kdp.store.GathererStore;
import io.kdp.store.position.Position;
import io.kdp.store.production.ProductionEngine;
import io.kdp.store.production.ProductionStore;
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
 * production exactly once. Each {@link #runOnce} reads one batch from every reachable gatherer, in
 * parallel ({@link GathererReads}; an unreachable one is skipped and retried with backoff), and
 * commits one production transaction ({@link MergeCycle}). While a backlog lasts, {@link #run}
 * reads the next batches during that transaction. A failed transaction is rolled back and the merge
 * state reloaded from production, exactly as after a crash.
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
  private final Map<String, StreamFrontier> committedTo = new HashMap<>();
  private final Map<String, Long> newest = new HashMap<>();
  private final ProductionWriter writer = new ProductionWriter();
  private final CycleTimings timings = new CycleTimings();
  private final GathererReads reads;
  private GathererReads.Started prefetched;
  private BookMerger merger;
  private PendingChunks chunks;
  private Map<String, Map<SyncTable, Position>> cursors;
  private Map<String, Map<String, SyncSources.Saved>> identities;

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
    this.reads = new GathererReads(sources.values(), backoff, config.batchSize());
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
    return runOnce(false);
  }

  /**
   * One cycle. With {@code prefetchNext}, when a gatherer had more rows than one batch, the next
   * cycle's reads start (from the cursors this cycle is about to commit) before this cycle's
   * production transaction, so reading overlaps writing; the next cycle uses them only if this one
   * committed (its cursors are then exactly where the reads started), else they are dropped.
   */
  public Cycle runOnce(boolean prefetchNext) throws SQLException {
    Instant now = clock.instant();
    timings.start();
    GathererReads.Started started = prefetched;
    prefetched = null;
    boolean usable =
        started != null && started.from().equals(cursors) && started.ids().equals(identities);
    if (started != null) {
      timings.readAhead(usable);
    }
    if (!usable) {
      started = reads.start(cursors, identities, now);
    }
    List<GathererBatch> batches = new ArrayList<>();
    List<String> down = new ArrayList<>();
    boolean allCaughtUp = true;
    for (GathererReads.Read r : started.join()) {
      Backoff b = backoff.get(r.gatherer());
      if (r.batch() != null) {
        batches.add(r.batch());
        b.succeeded();
        metrics.up(r.gatherer(), true);
        allCaughtUp &= r.batch().caughtUp();
        noteNewest(r.batch());
      } else {
        down.add(r.gatherer());
        if (r.error() != null) {
          b.failed(now);
          metrics.up(r.gatherer(), false);
          LOG.warn(
              "gatherer {} unreachable ({}); retrying with backoff",
              r.gatherer(),
              r.error().getMessage());
        }
      }
    }
    timings.mark(CycleTimings.Phase.READ);
    long limit =
        DecisionLimit.compute(
            batches,
            micros(started.at()),
            config.grace().toNanos() / 1000,
            config.maxDelay().toNanos() / 1000,
            committedTo);
    Map<String, Map<SyncTable, Position>> after = new HashMap<>(cursors);
    Map<String, Map<String, SyncSources.Saved>> afterIds = new HashMap<>(identities);
    for (GathererBatch b : batches) {
      Map<SyncTable, Position> next = new EnumMap<>(SyncTable.class);
      next.putAll(cursors.getOrDefault(b.gatherer(), Map.of()));
      next.putAll(b.next());
      after.put(b.gatherer(), next);
      afterIds.put(b.gatherer(), saved(b));
    }
    if (prefetchNext && !allCaughtUp) {
      prefetched = reads.start(after, afterIds, clock.instant());
    }
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
                        chunks,
                        limit,
                        committedTo,
                        config.maxWindowsPerCycle(),
                        writer,
                        engine,
                        now,
                        timings);
                metrics.holes(MergeCycle.holes(c));
                return n;
              });
      timings.mark(CycleTimings.Phase.COMMIT);
      timings.cycleDone();
      metrics.merged(counts);
      cursors = after;
      for (GathererBatch b : batches) {
        metrics.cursors(b.gatherer(), after.get(b.gatherer()));
        noteIdentities(b);
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

  /** Where the cycles spent their time so far. */
  public CycleTimings timings() {
    return timings;
  }

  /** Runs cycles until the thread is interrupted, pausing when a cycle found nothing to read. */
  public void run() throws InterruptedException {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Cycle c = runOnce(true);
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
    prefetched = null;
    try (var c = production.getConnection()) {
      MergeCycle.Saved saved =
          MergeCycle.load(c, List.copyOf(sources.keySet()), config.window().toNanos() / 1000);
      merger = saved.merger();
      chunks = saved.chunks();
      cursors = new HashMap<>(saved.cursors());
      identities = new HashMap<>(saved.sources());
    }
  }

  /** After a commit: a replaced database is reported loudly; the identities read are now saved. */
  private void noteIdentities(GathererBatch b) {
    for (String source : b.replaced()) {
      SyncSources.Saved was = identities.getOrDefault(b.gatherer(), Map.of()).get(source);
      LOG.error(
          "gatherer {}: its {} database is not the one its cursors were saved against (was {},"
              + " now {}): it was rebuilt or replaced; its cursors restarted from the beginning",
          b.gatherer(),
          source,
          was == null ? "unrecorded, with positions it has not reached" : was.databaseId(),
          b.identities().get(source).databaseId());
      metrics.databaseReplaced(b.gatherer(), source);
    }
    identities.put(b.gatherer(), saved(b));
  }

  /** The identities of {@code b}'s databases, as its cursors are saved against them. */
  private static Map<String, SyncSources.Saved> saved(GathererBatch b) {
    Map<String, SyncSources.Saved> ids = new HashMap<>();
    b.identities()
        .forEach((k, v) -> ids.put(k, new SyncSources.Saved(v.databaseId(), v.systemId())));
    return ids;
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
      metrics.lateMerged(g, merger.streams(g).lateMerged());
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
    if (reads != null) {
      reads.close();
    }
    pools.forEach(HikariDataSource::close);
  }
}
