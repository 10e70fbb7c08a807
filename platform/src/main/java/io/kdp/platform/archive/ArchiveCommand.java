package io.kdp.platform.archive;

import io.kdp.archive.export.ArchiveJob;
import io.kdp.archive.export.ExportProgress;
import io.kdp.archive.export.HourExporter;
import io.kdp.archive.s3.ArchiveBucket;
import io.kdp.archive.s3.ArchiveBucket.LifecyclePolicy;
import io.kdp.archive.s3.LifecycleRules;
import io.kdp.archive.s3.ObjectStore;
import io.kdp.archive.s3.ObjectStoreConfig;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kdp archive --from 2026-11-20T00 --to 2026-11-21T00 --production URL --bucket B}:
 * exports a range of hours to S3 on demand, skipping hours already exported, with progress on
 * stderr and a JSON summary on stdout. Credentials come from the AWS default chain (environment
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, profile, instance role); database
 * passwords from {@code KDP_DB_PASSWORD} when the URL carries none.
 */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = "Export hours of production (and raw gatherer data) to S3 as Parquet.")
public final class ArchiveCommand implements Callable<Integer> {

  @Option(
      names = "--from",
      required = true,
      converter = HourConverter.class,
      description = "first hour, UTC: 2026-11-20T14, 2026-11-20 or an ISO instant")
  Instant from;

  @Option(
      names = "--to",
      required = true,
      converter = HourConverter.class,
      description = "end hour (exclusive), same forms as --from")
  Instant to;

  @Option(names = "--production", required = true, description = "production JDBC URL")
  String production;

  @Option(
      names = "--gatherer",
      description = "NAME=JDBC_URL of a gatherer's time-series database, for raw/ (repeatable)")
  Map<String, String> gatherers = new LinkedHashMap<>();

  @Option(names = "--bucket", required = true, description = "S3 bucket")
  String bucket;

  @Option(names = "--region", defaultValue = "us-east-1", description = "S3 region")
  String region;

  @Option(names = "--endpoint", description = "S3-compatible endpoint (implies path-style)")
  Optional<URI> endpoint;

  @Option(
      names = "--lifecycle",
      defaultValue = "REQUIRE",
      description = "REQUIRE or WARN when the server cannot keep lifecycle rules: ${DEFAULT-VALUE}")
  LifecyclePolicy lifecycle;

  @Option(names = "--force", description = "re-export hours whose manifest exists")
  boolean force;

  @Option(
      names = "--lookback",
      defaultValue = "PT24H",
      description = "how far back to find the snapshot an orderbook file starts from")
  Duration lookback;

  @Option(
      names = "--parallelism",
      defaultValue = "2",
      description = "files of an hour exported at once, one connection each: ${DEFAULT-VALUE}")
  int parallelism;

  @Option(
      names = "--work-dir",
      defaultValue = "${java.io.tmpdir}/kdp-archive",
      description = "local directory for files before upload")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    ObjectStoreConfig config =
        new ObjectStoreConfig(endpoint, region, bucket, endpoint.isPresent(), Optional.empty());
    try (ObjectStore store = ObjectStore.open(config)) {
      LifecycleRules.Outcome outcome;
      try {
        outcome = ArchiveBucket.prepare(store, lifecycle);
      } catch (IllegalStateException e) {
        err.println("kdp archive: " + e.getMessage() + " (--lifecycle WARN)");
        return 2;
      }
      if (outcome == LifecycleRules.Outcome.UNSUPPORTED) {
        err.println("kdp archive: warning: bucket " + bucket + " keeps no lifecycle rules (501)");
      }
      Map<String, DataSource> raw = new LinkedHashMap<>();
      gatherers.forEach((name, url) -> raw.put(name, dataSource(url)));
      ArchiveJob job =
          new ArchiveJob(
              store,
              new HourExporter(store, workDir, lookback, parallelism),
              dataSource(production),
              raw);
      ExportProgress progress = new ExportProgress(InstantSource.system());
      long hours = Duration.between(from, to).toHours();
      ProgressLine line = new ProgressLine(err, progress, hours);
      progress.onRows(rows -> line.maybePrint());
      boolean complete = job.run(from, to, force, progress, hour -> line.hourDone(hour));
      line.finish();
      System.out.printf(
          "{\"hours\": %d, \"units_done\": %d, \"units_skipped\": %d, \"rows\": %d,"
              + " \"files\": %d, \"bytes\": %d, \"seconds\": %.3f, \"complete\": %b,"
              + " \"lifecycle\": \"%s\"}%n",
          hours,
          progress.unitsDone(),
          progress.unitsSkipped(),
          progress.rows(),
          progress.files(),
          progress.bytes(),
          progress.elapsed().toMillis() / 1000.0,
          complete,
          outcome);
      return complete ? 0 : 3;
    }
  }

  private static DataSource dataSource(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    String password = System.getenv("KDP_DB_PASSWORD");
    if (password != null && ds.getPassword() == null) {
      ds.setPassword(password);
    }
    return ds;
  }
}
