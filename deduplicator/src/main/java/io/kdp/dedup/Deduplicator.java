package io.kdp.dedup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.dedup.merge.BookMerger;
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
import io.kdp.store.production.ProductionStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private final HikariDataSource production;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final Map<String, GathererSource> sources = new LinkedHashMap<>();
  private final Map<String, Backoff> backoff = new HashMap<>();
  private final Map<String, StreamFrontier> committedTo = new HashMap<>();
  private final Map<String, Long> newest = new HashMap<>();
  private final ProductionWriter writer = new ProductionWriter();
  private BookMerger merger;
  private Map<String, Map<SyncTable, Position>> cursors;
  private Map<String, Map<String, SyncSources.Saved>> identities;

  private Deduplicator(DedupConfig config, InstantSource clock, MeterRegistry registry)
      throws SQLException {
    this.config = config;
    this.clock = clock;
    this.metrics = new DedupMetrics(registry);
    this.production = pool("production", config.production(), false);
    pools.add(production);
    ProductionStore.migrate(production);
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
  }

  /** Opens the pools, migrates production and loads the saved merge state. */
  public static Deduplicator open(DedupConfig config, InstantSource clock, MeterRegistry registry)
      throws SQLException {
    return new Deduplicator(config, clock, registry);
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
            s.read(
                cursors.getOrDefault(s.gatherer(), Map.of()),
                identities.getOrDefault(s.gatherer(), Map.of()),
                config.batchSize());
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
    long limit =
        DecisionLimit.compute(
            batches,
            nowMicros,
            config.grace().toNanos() / 1000,
            config.maxDelay().toNanos() / 1000,
            committedTo);
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
        noteIdentities(b);
      }
    } catch (SQLException | RuntimeException e) {
      reload();
      throw e;
    }
    report();
    return new Cycle(
        batches.stream().map(GathererBatch::gatherer).toList(),
        down,
        allCaughtUp && down.isEmpty(),
        merger.decidedToMicros(),
        batches.stream().mapToLong(GathererBatch::rows).sum());
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
    Map<String, SyncSources.Saved> ids = new HashMap<>();
    b.identities()
        .forEach((k, v) -> ids.put(k, new SyncSources.Saved(v.databaseId(), v.systemId())));
    identities.put(b.gatherer(), ids);
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
