package io.kdp.bench.archive;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.sun.management.OperatingSystemMXBean;
import io.kdp.archive.export.ExportProgress;
import io.kdp.archive.export.ExportedFile;
import io.kdp.archive.export.HourExporter;
import io.kdp.archive.s3.ObjectStore;
import io.kdp.archive.s3.ObjectStoreConfig;
import io.kdp.store.production.ProductionStore;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.LoggerFactory;

/**
 * {@code ./kdp bench archive [--rows N] [--markets M] [--parallelism P] [--warmups W]}: exports one
 * production hour holding N trades, N tickers and N orderbook deltas (plus a snapshot per market
 * before the hour) from embedded PostgreSQL to an in-process s3proxy, and prints rows exported per
 * second and bytes per row in Parquet versus PostgreSQL ({@code pg_total_relation_size} of the
 * partition holding the rows, indexes included) as JSON. The first {@code --warmups N} exports
 * (default 1) warm the JIT; the next is measured (with one warm-up the JIT is still compiling
 * during it). Files of the hour are exported {@code --parallelism N} at once (default 3), each on
 * its own connection in one shared snapshot. Besides wall-clock rows/s it reports the JVM's CPU
 * time (COPY decoding, Parquet encoding, zstd, upload, and the in-process s3proxy) and the
 * PostgreSQL server's (the export's backends and parallel workers, {@link PostgresCpu}), meaningful
 * on a shared machine: rows per CPU-second of both together bounds what the host's cores can reach.
 */
public final class ArchiveBench {

  static final Instant HOUR = Instant.parse("2026-11-20T14:00:00Z");

  private ArchiveBench() {}

  public static void main(String[] args) throws Exception {
    quietLogging();
    int rows = intArg(args, "--rows", 1_000_000);
    int markets = intArg(args, "--markets", 500);
    int parallelism = intArg(args, "--parallelism", 3);
    int warmups = intArg(args, "--warmups", 1);
    TestDatabase db = SharedPostgres.createDatabase();
    ProductionStore.migrate(db.dataSource());
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      BenchData.fill(s, HOUR, rows, markets);
      s.execute("VACUUM ANALYZE");
    }
    S3Proxy s3 =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "bench", "bench-secret")
            .build();
    s3.start();
    Path work = Files.createTempDirectory("kdp-archive-bench");
    try (ObjectStore store =
        ObjectStore.open(
            ObjectStoreConfig.compatible(
                URI.create("http://127.0.0.1:" + s3.getPort()),
                "bench",
                new ObjectStoreConfig.StaticCredentials("bench", "bench-secret")))) {
      store.ensureBucket();
      HourExporter exporter = new HourExporter(store, work, Duration.ofHours(1), parallelism);
      for (int i = 0; i < warmups; i++) {
        export(db, exporter);
      }
      OperatingSystemMXBean os =
          (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      PostgresCpu server = PostgresCpu.of(db.dataSource());
      double serverStart = server.seconds();
      long start = System.nanoTime();
      long cpuStart = os.getProcessCpuTime();
      List<ExportedFile> files = export(db, exporter);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
      double serverEnd = server.seconds();
      double pgCpu = serverStart < 0 || serverEnd < 0 ? -1 : serverEnd - serverStart;
      print(db, files, new Times(seconds, cpu, pgCpu), rows, markets, parallelism);
    } finally {
      s3.stop();
    }
    System.exit(0);
  }

  private static List<ExportedFile> export(TestDatabase db, HourExporter exporter)
      throws Exception {
    return exporter.exportProcessed(db.dataSource(), HOUR, new ExportProgress(Clock.systemUTC()));
  }

  private static void print(
      TestDatabase db,
      List<ExportedFile> files,
      Times times,
      int rows,
      int markets,
      int parallelism)
      throws Exception {
    Map<String, String> tables = new LinkedHashMap<>();
    long total = 0;
    for (ExportedFile f : files) {
      total += f.rows();
      String table = f.key().replaceAll(".*table=([^/]+)/.*", "$1");
      if (f.rows() == 0) {
        continue;
      }
      String pgTable = table.equals("orderbook") ? "orderbook_deltas" : table;
      long pgBytes = pgBytes(db, pgTable + "_default");
      long pgRows = pgRows(db, pgTable + "_default");
      tables.put(
          table,
          String.format(
              "{\"rows\": %d, \"parquet_bytes\": %d, \"parquet_bytes_per_row\": %.2f,"
                  + " \"postgres_bytes_per_row\": %.2f}",
              f.rows(), f.bytes(), (double) f.bytes() / f.rows(), (double) pgBytes / pgRows));
    }
    StringBuilder json = new StringBuilder();
    json.append(
        String.format(
            "{\"benchmark\": \"archive\", \"rows_per_table\": %d, \"markets\": %d,"
                + " \"rows_exported\": %d, \"seconds\": %.3f, \"rows_per_second\": %.0f,"
                + " \"aim_rows_per_second\": 500000, \"parallelism\": %d,"
                + " \"jvm_cpu_seconds\": %.3f, \"rows_per_jvm_cpu_second\": %.0f,"
                + " \"postgres_cpu_seconds\": %.2f, \"rows_per_cpu_second\": %.0f,"
                + " \"load_average\": %.2f,"
                + " \"cores\": %d, \"tables\": {",
            rows,
            markets,
            total,
            times.seconds(),
            total / times.seconds(),
            parallelism,
            times.jvmCpu(),
            total / times.jvmCpu(),
            times.postgresCpu(),
            times.postgresCpu() < 0 ? -1 : total / (times.jvmCpu() + times.postgresCpu()),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors()));
    String sep = "";
    for (Map.Entry<String, String> t : tables.entrySet()) {
      json.append(sep).append('"').append(t.getKey()).append("\": ").append(t.getValue());
      sep = ", ";
    }
    System.out.println(json.append("}}"));
  }

  /** Wall-clock seconds of the measured export, and the CPU seconds of the JVM and the server. */
  private record Times(double seconds, double jvmCpu, double postgresCpu) {}

  private static long pgBytes(TestDatabase db, String table) throws Exception {
    return single(db, "SELECT pg_total_relation_size('" + table + "')");
  }

  private static long pgRows(TestDatabase db, String table) throws Exception {
    return single(db, "SELECT count(*) FROM " + table);
  }

  private static long single(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** s3proxy, its shaded Jetty, the SDK and Parquet log every request at DEBUG by default. */
  private static void quietLogging() {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
