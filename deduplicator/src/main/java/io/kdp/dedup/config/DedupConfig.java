package io.kdp.dedup.config;

import io.kdp.store.production.ProductionStore;
import java.time.Duration;
import java.util.List;

/**
 * The deduplicator's configuration ({@code kdp-dedup-reference.conf} lists every key and default).
 *
 * @param gatherers in the order a new book stream is chosen
 * @param window book merge window length
 * @param grace how long after its receive time a gatherer's row may still be committing
 * @param maxDelay a gatherer read more than this behind the leading one holds no decision back
 * @param compressAfter TimescaleDB production: chunks wholly older than this are compressed
 */
public record DedupConfig(
    Database production,
    List<Gatherer> gatherers,
    Duration window,
    Duration grace,
    Duration maxDelay,
    int batchSize,
    int maxWindowsPerCycle,
    Duration pollInterval,
    Duration backoffInitial,
    Duration backoffMax,
    Duration compressAfter) {

  public DedupConfig {
    gatherers = List.copyOf(gatherers);
  }

  /** A database: JDBC URL, optional user and password (never printed). */
  public record Database(String url, String user, String password, int poolSize) {
    @Override
    public String toString() {
      return "Database[url="
          + io.kdp.store.StoreConfig.redact(url)
          + ", user="
          + user
          + ", password="
          + (password == null ? "null" : "***")
          + ", poolSize="
          + poolSize
          + "]";
    }
  }

  /** One gatherer's two databases, read through the read-only role. */
  public record Gatherer(String name, Database timeseries, Database metadata) {}

  /** Defaults for tests and the benchmark: the given databases, everything else as reference. */
  public static DedupConfig of(Database production, List<Gatherer> gatherers) {
    return new DedupConfig(
        production,
        gatherers,
        Duration.ofMillis(250),
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        5000,
        300,
        Duration.ofMillis(200),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        ProductionStore.DEFAULT_COMPRESS_AFTER);
  }

  public DedupConfig withWindow(Duration w) {
    return new DedupConfig(
        production,
        gatherers,
        w,
        grace,
        maxDelay,
        batchSize,
        maxWindowsPerCycle,
        pollInterval,
        backoffInitial,
        backoffMax,
        compressAfter);
  }

  public DedupConfig withGrace(Duration g) {
    return new DedupConfig(
        production,
        gatherers,
        window,
        g,
        maxDelay,
        batchSize,
        maxWindowsPerCycle,
        pollInterval,
        backoffInitial,
        backoffMax,
        compressAfter);
  }

  public DedupConfig withPollInterval(Duration p) {
    return new DedupConfig(
        production,
        gatherers,
        window,
        grace,
        maxDelay,
        batchSize,
        maxWindowsPerCycle,
        p,
        backoffInitial,
        backoffMax,
        compressAfter);
  }

  public DedupConfig withBatchSize(int n) {
    return new DedupConfig(
        production,
        gatherers,
        window,
        grace,
        maxDelay,
        n,
        maxWindowsPerCycle,
        pollInterval,
        backoffInitial,
        backoffMax,
        compressAfter);
  }

  public DedupConfig withCompressAfter(Duration d) {
    return new DedupConfig(
        production,
        gatherers,
        window,
        grace,
        maxDelay,
        batchSize,
        maxWindowsPerCycle,
        pollInterval,
        backoffInitial,
        backoffMax,
        d);
  }
}
