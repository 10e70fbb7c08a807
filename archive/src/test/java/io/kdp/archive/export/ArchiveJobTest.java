package io.kdp.archive.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.archive.s3.ObjectStore;
import io.kdp.archive.s3.S3ProxyServer;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Ranges of hours, raw per gatherer, resuming from manifests, and the dedup-window schedule. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ArchiveJobTest {

  static final Instant HOUR = ProductionFixture.HOUR;

  private static S3ProxyServer s3;
  private static TestDatabase production;
  private static TestDatabase gathererA;
  private static PGSimpleDataSource gathererDown;
  @TempDir static Path work;

  @BeforeAll
  static void setUp() throws Exception {
    s3 = S3ProxyServer.start();
    production = ProductionFixture.create();
    try (Connection c = production.connect()) {
      for (int h = -1; h <= 2; h++) {
        ProductionFixture.fill(c, HOUR.plus(h, ChronoUnit.HOURS), 300, 3);
      }
    }
    gathererA = SharedPostgres.createDatabase();
    Migrations.migrateTimeSeries(gathererA.dataSource(), Retention.defaults());
    try (Connection c = gathererA.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO orderbook_deltas (received_at, exchange_time, market, side, price, delta,"
              + " gatherer, connection_id, sid, seq) VALUES"
              + " ('2026-11-20T14:00:00.5Z', '2026-11-20T14:00:00.4Z', 'M', 'yes', 420000, 1300,"
              + " 'a', 7, 1, 2),"
              + " ('2026-11-20T14:00:00.5Z', '2026-11-20T14:00:00.4Z', 'M', 'yes', 420000, 1300,"
              + " 'a', 7, 1, 3),"
              + " ('2026-11-20T15:00:00.5Z', NULL, 'M', 'no', 10000, -100, 'a', 7, 1, 4)");
      s.execute(
          "INSERT INTO raw_frames_quarantine (received_at, gatherer, connection_id, frame,"
              + " frame_type, reason) VALUES ('2026-11-20T14:59:59.999999Z', 'a', 7,"
              + " '{\"type\":\"mystery\"}', 'mystery', 'unknown type')");
    }
    try (ServerSocket closed = new ServerSocket(0)) {
      gathererDown = new PGSimpleDataSource();
      gathererDown.setServerNames(new String[] {"127.0.0.1"});
      gathererDown.setPortNumbers(new int[] {closed.getLocalPort()});
      gathererDown.setDatabaseName("gone");
      gathererDown.setUser("postgres");
      gathererDown.setConnectTimeout(2);
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    s3.close();
  }

  private static void decidedTo(String instant) throws SQLException {
    try (Connection c = production.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO dedup_checkpoint (singleton, decided_to, state, updated_at) VALUES (true, '"
              + instant
              + "', '\\x', now()) ON CONFLICT (singleton) DO UPDATE SET decided_to ="
              + " excluded.decided_to");
    }
  }

  private static ArchiveJob job(ObjectStore store) {
    return new ArchiveJob(
        store,
        new HourExporter(store, work.resolve("tmp"), Duration.ofHours(1)),
        production.dataSource(),
        Map.of("a", gathererA.dataSource(), "b", gathererDown));
  }

  @Test
  void rangeExportsEachHourOnceAndARerunSkipsWhatIsDone() throws Exception {
    try (ObjectStore store = s3.bucket("job-range")) {
      ArchiveJob job = job(store);
      List<Instant> hours = new ArrayList<>();
      ExportProgress first = new ExportProgress(Clock.systemUTC());

      boolean complete = job.run(HOUR, HOUR.plus(2, ChronoUnit.HOURS), false, first, hours::add);

      assertThat(complete).as("gatherer b is down").isFalse();
      assertThat(hours).containsExactly(HOUR, HOUR.plus(1, ChronoUnit.HOURS));
      assertThat(store.list("manifests/"))
          .containsExactly(
              "manifests/processed/date=2026-11-20/hour=14.json",
              "manifests/processed/date=2026-11-20/hour=15.json",
              "manifests/raw/gatherer=a/date=2026-11-20/hour=14.json",
              "manifests/raw/gatherer=a/date=2026-11-20/hour=15.json");
      assertThat(first.unitsDone()).isEqualTo(4);
      assertThat(first.rows()).isEqualTo(2 * (300 + 300 + 3 * 60 + 3) + 2 + 1 + 1);

      ExportProgress second = new ExportProgress(Clock.systemUTC());
      job.run(HOUR, HOUR.plus(2, ChronoUnit.HOURS), false, second, h -> {});
      assertThat(second.unitsDone()).isZero();
      assertThat(second.unitsSkipped()).isEqualTo(4);
      assertThat(second.rows()).isZero();
    }
  }

  @Test
  void rawHourHoldsTheGatherersOwnRowsAsStoredIdenticalDeltasIncluded() throws Exception {
    try (ObjectStore store = s3.bucket("job-raw")) {
      job(store).exportRawHour("a", HOUR, false, new ExportProgress(Clock.systemUTC()));
      Path deltas = Files.createTempFile(work, "raw-", ".parquet");
      Files.write(
          deltas,
          store
              .get(
                  "raw/gatherer=a/table=orderbook_deltas/date=2026-11-20/hour=14/part-0000.parquet")
              .orElseThrow());
      assertThat(
              Rows.duckdb(
                  "SELECT epoch_us(received_at), epoch_us(exchange_time), market, side, price,"
                      + " delta, gatherer, connection_id, sid::BIGINT, seq FROM read_parquet('"
                      + deltas
                      + "')"))
          .containsExactly(
              List.of(
                  OrderbookScenario.us("14:00:00") + 500_000,
                  OrderbookScenario.us("14:00:00") + 400_000,
                  "M",
                  "yes",
                  420000L,
                  1300L,
                  "a",
                  7L,
                  1L,
                  2L),
              List.of(
                  OrderbookScenario.us("14:00:00") + 500_000,
                  OrderbookScenario.us("14:00:00") + 400_000,
                  "M",
                  "yes",
                  420000L,
                  1300L,
                  "a",
                  7L,
                  1L,
                  3L));
      Path quarantine = Files.createTempFile(work, "raw-", ".parquet");
      Files.write(
          quarantine,
          store
              .get(
                  "raw/gatherer=a/table=raw_frames_quarantine/date=2026-11-20/hour=14/"
                      + "part-0000.parquet")
              .orElseThrow());
      assertThat(
              Rows.duckdb(
                  "SELECT frame, frame_type, reason FROM read_parquet('" + quarantine + "')"))
          .containsExactly(List.of("{\"type\":\"mystery\"}", "mystery", "unknown type"));
    }
  }

  @Test
  void scheduleExportsOnlyHoursPastTheDedupWindowAndResumesFromManifests() throws Exception {
    try (ObjectStore store = s3.bucket("job-schedule")) {
      AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-20T15:05:00Z"));
      InstantSource clock = now::get;
      Duration window = Duration.ofMinutes(10);
      Instant first = HOUR.minus(1, ChronoUnit.HOURS);
      ArchiveSchedule schedule = new ArchiveSchedule(job(store), store, window, first, clock);
      assertThat(job(store).decidedThrough()).isEmpty();
      decidedTo("2026-11-20T14:30:00Z"); // the deduplicator is half-way through hour 14

      schedule.runDue();
      assertThat(store.list("manifests/processed/"))
          .containsExactly("manifests/processed/date=2026-11-20/hour=13.json");

      now.set(Instant.parse("2026-11-20T15:10:00Z"));
      schedule.runDue();
      // hour 14 is past its window but not yet decided: processed waits, raw does not
      assertThat(store.list("manifests/processed/"))
          .containsExactly("manifests/processed/date=2026-11-20/hour=13.json");
      assertThat(schedule.cursors())
          .containsEntry("processed", HOUR)
          .containsEntry("a", HOUR.plus(1, ChronoUnit.HOURS));

      decidedTo("2026-11-20T16:40:00Z");
      schedule.runDue();
      assertThat(store.list("manifests/processed/"))
          .containsExactly(
              "manifests/processed/date=2026-11-20/hour=13.json",
              "manifests/processed/date=2026-11-20/hour=14.json");
      assertThat(schedule.cursors())
          .isEqualTo(
              Map.of(
                  "processed", HOUR.plus(1, ChronoUnit.HOURS),
                  "a", HOUR.plus(1, ChronoUnit.HOURS),
                  "b", first));

      // down from 15:10 to 16:30; restarted as kdp dedup restarts it (first hour = its start)
      now.set(Instant.parse("2026-11-20T16:30:00Z"));
      ArchiveSchedule restarted = new ArchiveSchedule(job(store), store, window, now.get(), clock);
      ExportProgress progress = restarted.runDue();
      assertThat(progress.unitsSkipped()).isZero();
      assertThat(progress.unitsDone()).isEqualTo(2);
      assertThat(store.list("manifests/processed/"))
          .containsExactly(
              "manifests/processed/date=2026-11-20/hour=13.json",
              "manifests/processed/date=2026-11-20/hour=14.json",
              "manifests/processed/date=2026-11-20/hour=15.json");
    }
  }
}
