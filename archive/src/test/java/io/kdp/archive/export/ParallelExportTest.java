package io.kdp.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.archive.s3.ObjectStore;
import io.kdp.archive.s3.S3ProxyServer;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An hour exported on three connections sharing one snapshot gives the same keys, rows and bytes,
 * in the same manifest order, as on one connection; a failing file fails the unit, leaving no
 * manifest.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ParallelExportTest {

  private static final Instant LAST_HOUR = Instant.parse("2026-11-20T23:00:00Z");

  private static S3ProxyServer s3;
  private static TestDatabase production;
  @TempDir static Path work;

  @BeforeAll
  static void setUp() throws Exception {
    s3 = S3ProxyServer.start();
    production = ProductionFixture.create();
    try (Connection c = production.connect()) {
      ProductionFixture.fill(c, ProductionFixture.HOUR, 20_000, 7);
      ProductionFixture.fill(c, LAST_HOUR, 2_000, 3);
      OrderbookScenario.insert(c);
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    s3.close();
  }

  @Test
  void threeConnectionsInOneSnapshotWriteWhatOneConnectionWrites() throws Exception {
    try (ObjectStore parallel = s3.bucket("parallel");
        ObjectStore serial = s3.bucket("serial")) {
      HourExporter three = new HourExporter(parallel, work.resolve("p"), Duration.ofHours(24), 3);
      HourExporter one = new HourExporter(serial, work.resolve("s"), Duration.ofHours(24));
      for (Instant hour : List.of(ProductionFixture.HOUR, LAST_HOUR)) {
        List<ExportedFile> files = three.exportProcessed(production.dataSource(), hour, progress());
        List<ExportedFile> expected;
        try (Connection c = production.connect()) {
          expected = one.exportProcessed(c, hour, progress());
        }
        assertThat(files).isEqualTo(expected);
        assertThat(files.stream().mapToLong(ExportedFile::rows).sum()).isPositive();
        assertThat(parallel.get(HourKeys.processedManifest(hour)))
            .hasValueSatisfying(
                m -> assertThat(m).isEqualTo(serial.get(HourKeys.processedManifest(hour)).get()));
      }
    }
  }

  @Test
  void aFailingFileFailsTheUnitAndNoManifestIsWritten() throws Exception {
    try (ObjectStore store = s3.bucket("parallel-failing")) {
      HourExporter three = new HourExporter(store, work.resolve("f"), Duration.ofHours(24), 3);
      Instant hour = ProductionFixture.HOUR.plus(2, ChronoUnit.HOURS);
      DataSource dropsSecondConnection = new FailingSecondConnection(production.dataSource());
      assertThatThrownBy(() -> three.exportProcessed(dropsSecondConnection, hour, progress()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("second connection refused");
      assertThat(store.exists(HourKeys.processedManifest(hour))).isFalse();
    }
  }

  private static ExportProgress progress() {
    return new ExportProgress(Clock.systemUTC());
  }
}
