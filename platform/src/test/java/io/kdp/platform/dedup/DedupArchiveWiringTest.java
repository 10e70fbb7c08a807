package io.kdp.platform.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdp.archive.export.HourKeys;
import io.kdp.archive.layout.AggregateLayouts;
import io.kdp.archive.layout.MetadataLayouts;
import io.kdp.archive.layout.OrderbookLayout;
import io.kdp.archive.layout.ProcessedLayouts;
import io.kdp.archive.layout.RawLayouts;
import io.kdp.archive.s3.ObjectStore;
import io.kdp.archive.s3.ObjectStoreConfig;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code kdp dedup --archive-bucket} end to end: the real command merges a scripted gatherer's hour
 * into production (embedded PostgreSQL) and, once its archive clock passes the hour's close plus
 * the dedup window, writes that hour's {@code processed/}, {@code aggregates/} and {@code raw/}
 * objects to s3proxy; a restarted command exports the next hour and leaves these untouched.
 */
@Timeout(240)
class DedupArchiveWiringTest {

  private static final String ACCESS = "kdp-wiring-access";
  private static final String SECRET = "kdp-wiring-secret";
  private static final String BUCKET = "kdp-wiring";
  private static final Instant HOUR = Instant.parse("2026-11-25T12:00:00Z");
  private static final long START = HOUR.plusSeconds(600).toEpochMilli() * 1000;

  private static S3Proxy s3;

  @TempDir Path dir;

  @BeforeAll
  static void startS3() throws Exception {
    s3 =
        S3Proxy.builder()
            .blobStore(new TransientNio2BlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
            .build();
    s3.start();
    // the command takes credentials from the SDK's default chain, as in production
    System.setProperty("aws.accessKeyId", ACCESS);
    System.setProperty("aws.secretAccessKey", SECRET);
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.stop();
  }

  @Test
  void aClosedHourIsArchivedOnceAndARestartDoesNotRewriteIt() throws Exception {
    TestDatabase production = SharedPostgres.createDatabase();
    TestDatabase gathererDb = SharedPostgres.createDatabase();
    ScriptedGatherer.migrate(gathererDb);
    ScriptedGatherer a = ScriptedGatherer.record("a", START, 600);
    // quiet after its last row, the gatherer asserts completeness through the next two hours, so
    // the deduplicator decides past them (the archive waits for that as well as for the window)
    a.store(gathererDb, HOUR.plus(Duration.ofHours(3)).toEpochMilli() * 1000);
    Path config = DedupConfigFile.write(dir, production, gathererDb);
    AtomicReference<Instant> now = new AtomicReference<>(HOUR.plusSeconds(1200));
    InstantSource clock = now::get;

    Running first = Running.start(config, dir.resolve("work"), clock);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> count(production, "trades") == a.trades().size());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count(production, "orderbook_deltas") == a.deltas().size());
    assertThat(keysOf(HOUR)).isEmpty(); // the hour has not closed on the archive's clock

    now.set(HOUR.plus(Duration.ofMinutes(70))); // closed, and the 10-minute window has passed
    try (ObjectStore store = store()) {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> store.exists(HourKeys.rawManifest("a", HOUR)));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> store.exists(HourKeys.processedManifest(HOUR)));
      assertThat(keysOf(HOUR).keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys(HOUR));
      JsonNode manifest =
          new ObjectMapper().readTree(store.get(HourKeys.processedManifest(HOUR)).orElseThrow());
      assertThat(rowsOf(manifest, HourKeys.processed("trades", HOUR))).isEqualTo(a.trades().size());
      JsonNode raw =
          new ObjectMapper().readTree(store.get(HourKeys.rawManifest("a", HOUR)).orElseThrow());
      assertThat(rowsOf(raw, HourKeys.raw("a", "trades", HOUR))).isEqualTo(a.trades().size());
      assertThat(rowsOf(raw, HourKeys.raw("a", "orderbook_deltas", HOUR)))
          .isEqualTo(a.deltas().size());
    }
    Map<String, String> exported = keysOf(HOUR);
    assertThat(first.stop()).isZero();

    // down for over an hour: the restart (first hour = its start) still exports the hour missed
    Instant next = HOUR.plus(Duration.ofHours(1));
    now.set(next.plus(Duration.ofMinutes(70)));
    Running second = Running.start(config, dir.resolve("work"), clock);
    try (ObjectStore store = store()) {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  store.exists(HourKeys.processedManifest(next))
                      && store.exists(HourKeys.rawManifest("a", next)));
    }
    assertThat(second.stop()).isZero();
    assertThat(keysOf(HOUR)).isEqualTo(exported); // same keys, same ETags, same times
    assertThat(keysOf(next).keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys(next));
  }

  /** Every key of an hour an archive export writes (no daily candle: the hour is not 23). */
  private static List<String> expectedKeys(Instant hour) {
    List<String> keys = new ArrayList<>();
    ProcessedLayouts.FLAT.forEach(l -> keys.add(HourKeys.processed(l.table(), hour)));
    MetadataLayouts.HOURLY.forEach(l -> keys.add(HourKeys.processed(l.table(), hour)));
    keys.add(HourKeys.processed(OrderbookLayout.TABLE, hour));
    AggregateLayouts.TABLES.stream()
        .filter(t -> !t.endsWith("_1d"))
        .forEach(t -> keys.add(HourKeys.aggregate(t, hour)));
    RawLayouts.ALL.forEach(l -> keys.add(HourKeys.raw("a", l.table(), hour)));
    keys.add(HourKeys.processedManifest(hour));
    keys.add(HourKeys.rawManifest("a", hour));
    return keys;
  }

  /** The bucket's keys of {@code hour}'s partition, each with its ETag and last-modified time. */
  private static Map<String, String> keysOf(Instant hour) {
    String partition =
        HourKeys.processedManifest(hour).replace("manifests/processed/", "").replace(".json", "");
    try (S3Client client =
        S3Client.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + s3.getPort()))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      return client.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream()
          .filter(o -> o.key().contains(partition))
          .collect(
              Collectors.toMap(
                  o -> o.key(), o -> o.eTag() + "@" + o.lastModified(), (x, y) -> x, TreeMap::new));
    }
  }

  private static long rowsOf(JsonNode manifest, String key) {
    for (JsonNode f : manifest.get("files")) {
      if (f.get("key").asText().equals(key)) {
        return f.get("rows").asLong();
      }
    }
    throw new AssertionError(key + " not in manifest " + manifest);
  }

  private static ObjectStore store() {
    return ObjectStore.open(
        ObjectStoreConfig.compatible(
            URI.create("http://127.0.0.1:" + s3.getPort()),
            BUCKET,
            new ObjectStoreConfig.StaticCredentials(ACCESS, SECRET)));
  }

  private static long count(TestDatabase db, String table) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      return -1; // not migrated yet
    }
  }

  /** {@code kdp dedup} on its own thread, as picocli runs it, stopped by an interrupt. */
  private record Running(Thread thread, AtomicInteger exit) {

    static Running start(Path config, Path workDir, InstantSource archiveClock) {
      DedupCommand command = new DedupCommand();
      command.archive.clock = archiveClock;
      AtomicInteger exit = new AtomicInteger(-1);
      String[] args = {
        "--config",
        config.toString(),
        "--admin-port",
        "0",
        "--archive-bucket",
        BUCKET,
        "--archive-endpoint",
        "http://127.0.0.1:" + s3.getPort(),
        "--archive-lifecycle",
        "WARN",
        "--archive-period",
        "PT0.2S",
        "--archive-work-dir",
        workDir.toString()
      };
      Thread t = new Thread(() -> exit.set(new CommandLine(command).execute(args)), "kdp-dedup");
      t.start();
      return new Running(t, exit);
    }

    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(60_000);
      return exit.get();
    }
  }
}
