package io.kdp.platform.dedup;

import io.kdp.archive.export.ArchiveJob;
import io.kdp.archive.export.ArchiveSchedule;
import io.kdp.archive.export.HourExporter;
import io.kdp.archive.s3.ArchiveBucket;
import io.kdp.archive.s3.ArchiveBucket.LifecyclePolicy;
import io.kdp.archive.s3.ObjectStore;
import io.kdp.archive.s3.ObjectStoreConfig;
import io.kdp.dedup.config.DedupConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * The archive schedule run inside {@code kdp dedup}: every closed hour, once the dedup window has
 * passed, production to {@code processed/} and {@code aggregates/}, and each gatherer's rows to
 * {@code raw/}, read through the same databases the deduplicator is configured with.
 */
final class ArchiveOptions {

  @Option(
      names = "--archive-bucket",
      defaultValue = "${env:KDP_ARCHIVE_BUCKET}",
      description = "S3 bucket; the archive runs only when set (env KDP_ARCHIVE_BUCKET)")
  String bucket;

  @Option(
      names = "--archive-region",
      defaultValue = "${env:KDP_ARCHIVE_REGION:-us-east-1}",
      description = "S3 region: ${DEFAULT-VALUE} (env KDP_ARCHIVE_REGION)")
  String region;

  @Option(
      names = "--archive-endpoint",
      defaultValue = "${env:KDP_ARCHIVE_ENDPOINT}",
      description = "S3-compatible endpoint, path-style (env KDP_ARCHIVE_ENDPOINT)")
  URI endpoint;

  @Option(
      names = "--archive-window",
      defaultValue = "PT10M",
      description = "how long after an hour closes before it is exported: ${DEFAULT-VALUE}")
  Duration window;

  @Option(
      names = "--archive-work-dir",
      defaultValue = "${java.io.tmpdir}/kdp-archive",
      description = "local directory for files before upload: ${DEFAULT-VALUE}")
  Path workDir;

  @Option(
      names = "--archive-lifecycle",
      defaultValue = "REQUIRE",
      description =
          "REQUIRE (refuse to start) or WARN when the bucket cannot keep the lifecycle rules:"
              + " ${DEFAULT-VALUE}")
  LifecyclePolicy lifecycle = LifecyclePolicy.REQUIRE;

  @Option(
      names = "--archive-parallelism",
      defaultValue = "2",
      description = "files of an hour exported at once, one connection each: ${DEFAULT-VALUE}")
  int parallelism;

  @Option(
      names = "--archive-period",
      defaultValue = "PT1M",
      hidden = true,
      description = "how often the schedule looks for due hours: ${DEFAULT-VALUE}")
  Duration period;

  /**
   * The schedule's clock (tests advance it past an hour's close; the deduplicator's is its own).
   */
  InstantSource clock = InstantSource.system();

  String describe() {
    return bucket == null ? "off" : "s3://" + bucket + " (window " + window + ")";
  }

  /** Starts the schedule, or does nothing without a bucket; the result stops it. */
  AutoCloseable start(DedupConfig config) {
    if (bucket == null || bucket.isBlank()) {
      return () -> {};
    }
    ObjectStore store =
        ObjectStore.open(
            new ObjectStoreConfig(
                Optional.ofNullable(endpoint), region, bucket, endpoint != null, Optional.empty()));
    try {
      ArchiveBucket.prepare(store, lifecycle);
    } catch (RuntimeException e) {
      store.close();
      throw new IllegalStateException(
          "--archive-bucket " + bucket + ": " + e.getMessage() + " (--archive-lifecycle WARN)", e);
    }
    Map<String, DataSource> raw = new LinkedHashMap<>();
    for (DedupConfig.Gatherer g : config.gatherers()) {
      raw.put(g.name(), dataSource(g.timeseries()));
    }
    ArchiveJob job =
        new ArchiveJob(
            store,
            new HourExporter(store, workDir, Duration.ofHours(24), parallelism),
            dataSource(config.production()),
            raw);
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "archive");
              t.setDaemon(true);
              return t;
            });
    new ArchiveSchedule(job, store, window, clock.instant(), clock).start(thread, period);
    return () -> {
      thread.shutdownNow();
      thread.awaitTermination(30, TimeUnit.SECONDS);
      store.close();
    };
  }

  private static DataSource dataSource(DedupConfig.Database db) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(db.url());
    if (db.user() != null) {
      ds.setUser(db.user());
    }
    if (db.password() != null) {
      ds.setPassword(db.password());
    }
    return ds;
  }
}
