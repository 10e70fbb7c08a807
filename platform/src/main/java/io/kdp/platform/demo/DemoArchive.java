package io.kdp.platform.demo;

import io.kdp.archive.export.ArchiveJob;
import io.kdp.archive.export.ArchiveSchedule;
import io.kdp.archive.export.HourExporter;
import io.kdp.archive.s3.ArchiveBucket;
import io.kdp.archive.s3.ObjectStore;
import io.kdp.archive.s3.ObjectStoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The demo's archive: the archive module's schedule, every minute, exporting each closed hour of
 * production ({@code processed/}, {@code aggregates/}) and of each gatherer ({@code raw/}) to the
 * in-process S3 server once the hour and the dedup window have passed. A short demo exports nothing
 * (no hour has closed); the status page shows the prefixes as they fill.
 */
final class DemoArchive implements AutoCloseable {

  static final Duration DEDUP_WINDOW = Duration.ofMinutes(2);

  private final ObjectStore store;
  private final ScheduledExecutorService thread;

  private DemoArchive(ObjectStore store, ScheduledExecutorService thread) {
    this.store = store;
    this.thread = thread;
  }

  static DemoArchive start(DemoPostgres postgres, DemoS3 s3, Path workDir) {
    ObjectStore store =
        ObjectStore.open(
            ObjectStoreConfig.compatible(
                s3.endpoint(),
                DemoPlatform.BUCKET,
                new ObjectStoreConfig.StaticCredentials(DemoS3.ACCESS_KEY, DemoS3.SECRET_KEY)));
    // s3proxy answers 501 to bucket lifecycle; AWS (and S3Mock, in the archive's tests) keep it
    ArchiveBucket.prepare(store, ArchiveBucket.LifecyclePolicy.WARN);
    Map<String, DataSource> raw = new LinkedHashMap<>();
    for (String g : DemoPlatform.GATHERERS) {
      raw.put(g, dataSource(postgres.jdbcUrl(DemoPlatform.timeseriesDatabase(g))));
    }
    ArchiveJob job =
        new ArchiveJob(
            store,
            new HourExporter(store, workDir, Duration.ofHours(24)),
            dataSource(postgres.jdbcUrl(DemoPlatform.PRODUCTION)),
            raw);
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-archive");
              t.setDaemon(true);
              return t;
            });
    new ArchiveSchedule(job, store, DEDUP_WINDOW, Instant.now(), InstantSource.system())
        .start(thread, Duration.ofMinutes(1));
    return new DemoArchive(store, thread);
  }

  private static DataSource dataSource(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }

  @Override
  public void close() throws Exception {
    thread.shutdownNow();
    thread.awaitTermination(30, TimeUnit.SECONDS);
    store.close();
  }
}
