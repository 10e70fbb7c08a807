package io.kdp.archive.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.archive.s3.ObjectStore;
import io.kdp.archive.s3.S3ProxyServer;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production's coverage (per hour, clipped to it) and metadata (per day: status history, latest
 * markets, events and series) exported under {@code processed/} and read back by DuckDB.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MetadataExportTest {

  private static final Instant LAST_HOUR = Instant.parse("2026-11-20T23:00:00Z");
  private static final String DAY = "date=2026-11-20/part-0000.parquet";
  private static final String HOUR_23 = "date=2026-11-20/hour=23/part-0000.parquet";

  private static S3ProxyServer s3;
  private static TestDatabase production;
  @TempDir static Path work;

  @BeforeAll
  static void setUp() throws Exception {
    s3 = S3ProxyServer.start();
    production = ProductionFixture.create();
    try (Connection c = production.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO coverage VALUES"
              + " ('MKT-A', '2026-11-20T22:30Z', '2026-11-20T23:15Z', 'a'),"
              + " ('MKT-A', '2026-11-20T23:15Z', '2026-11-20T23:40Z', NULL),"
              + " ('MKT-A', '2026-11-20T23:40Z', '2026-11-21T00:20Z', 'b'),"
              + " ('MKT-B', '2026-11-20T21:00Z', '2026-11-20T22:00Z', 'a')");
      s.execute(
          "INSERT INTO market_status_changes VALUES"
              + " ('MKT-A', 'initialized', 'active', '2026-11-20T08:00Z', '2026-11-20T08:00Z',"
              + "  '2026-11-20T08:00:01Z', 'a'),"
              + " ('MKT-A', 'active', 'closed', '2026-11-20T23:59:59.999999Z', NULL,"
              + "  '2026-11-21T00:00:00.5Z', 'b'),"
              + " ('MKT-B', 'active', 'closed', '2026-11-21T00:00Z', NULL, '2026-11-21T00:00Z', 'a'),"
              + " ('MKT-C', 'initialized', 'active', '2026-11-19T23:00Z', NULL,"
              + "  '2026-11-19T23:00Z', 'a')");
      s.execute(
          "INSERT INTO markets VALUES"
              + " ('MKT-A', 'EVT-1', 'closed', 'yes', 1000000, '2026-11-20T23:59:59Z',"
              + "  '{\"ticker\": \"MKT-A\", \"yes_bid_dollars\": \"0.4200\"}', '2026-11-21T00:00Z',"
              + "  'b'),"
              + " ('MKT-B', NULL, NULL, NULL, NULL, NULL, '{\"ticker\": \"MKT-B\"}',"
              + "  '2026-11-20T10:00Z', 'a')");
      s.execute(
          "INSERT INTO events VALUES ('EVT-1', 'SER-1', '2026-11-20T09:00Z',"
              + " '{\"event_ticker\": \"EVT-1\"}', '2026-11-20T09:00:01Z', 'a')");
      s.execute(
          "INSERT INTO series VALUES ('SER-1', NULL, '{\"ticker\": \"SER-1\", \"title\":"
              + " \"Zürich\"}', '2026-11-20T09:00:02Z', 'a')");
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    s3.close();
  }

  @Test
  void coverageIsClippedToTheHourAndTheDaysMetadataComesWithHour23() throws Exception {
    try (ObjectStore store = s3.bucket("metadata");
        Connection c = production.connect()) {
      HourExporter exporter = new HourExporter(store, work.resolve("tmp"), Duration.ofHours(24));
      List<ExportedFile> files =
          exporter.exportProcessed(c, LAST_HOUR, new ExportProgress(Clock.systemUTC()));
      assertThat(files.stream().map(ExportedFile::key).filter(k -> k.startsWith("processed/")))
          .containsExactly(
              "processed/table=trades/" + HOUR_23,
              "processed/table=tickers/" + HOUR_23,
              "processed/table=coverage/" + HOUR_23,
              "processed/table=orderbook/" + HOUR_23,
              "processed/table=market_status_changes/" + DAY,
              "processed/table=markets/" + DAY,
              "processed/table=events/" + DAY,
              "processed/table=series/" + DAY);

      assertThat(
              Rows.duckdb(
                  "SELECT market, strftime(window_start AT TIME ZONE 'UTC', '%H:%M'),"
                      + " strftime(window_end AT TIME ZONE 'UTC', '%H:%M'), gatherer"
                      + " FROM read_parquet('"
                      + download(store, "processed/table=coverage/" + HOUR_23)
                      + "')"))
          .containsExactly(
              List.of("MKT-A", "23:00", "23:15", "a"),
              Arrays.asList("MKT-A", "23:15", "23:40", null),
              List.of("MKT-A", "23:40", "00:00", "b"));

      assertThat(
              Rows.duckdb(
                  "SELECT ticker, old_status, new_status, epoch_us(time), epoch_us(exchange_time),"
                      + " epoch_us(received_at), gatherer FROM read_parquet('"
                      + download(store, "processed/table=market_status_changes/" + DAY)
                      + "')"))
          .isEqualTo(
              Rows.query(
                  c,
                  "SELECT ticker, old_status, new_status, "
                      + us("time")
                      + ", "
                      + us("exchange_time")
                      + ", "
                      + us("received_at")
                      + ", gatherer"
                      + " FROM market_status_changes WHERE time >= '2026-11-20Z'"
                      + " AND time < '2026-11-21Z' ORDER BY time"))
          .hasSize(2);

      assertThat(
              Rows.duckdb(
                  "SELECT ticker, event_ticker, status, result, settlement_value,"
                      + " epoch_us(exchange_updated_time), epoch_us(updated_at), gatherer, state,"
                      + " json_extract_string(state, '$.yes_bid_dollars') FROM read_parquet('"
                      + download(store, "processed/table=markets/" + DAY)
                      + "')"))
          .isEqualTo(
              Rows.query(
                  c,
                  "SELECT ticker, event_ticker, status, result, settlement_value, "
                      + us("exchange_updated_time")
                      + ", "
                      + us("updated_at")
                      + ", gatherer,"
                      + " state::text, state->>'yes_bid_dollars' FROM markets ORDER BY ticker"))
          .hasSize(2);

      assertThat(
              Rows.duckdb(
                  "SELECT event_ticker, series_ticker, epoch_us(last_updated_ts), state"
                      + " FROM read_parquet('"
                      + download(store, "processed/table=events/" + DAY)
                      + "')"))
          .containsExactly(
              List.of(
                  "EVT-1",
                  "SER-1",
                  Instant.parse("2026-11-20T09:00:00Z").getEpochSecond() * 1_000_000,
                  "{\"event_ticker\": \"EVT-1\"}"));
      assertThat(
              Rows.duckdb(
                  "SELECT ticker, last_updated_ts, json_extract_string(state, '$.title')"
                      + " FROM read_parquet('"
                      + download(store, "processed/table=series/" + DAY)
                      + "')"))
          .containsExactly(Arrays.asList("SER-1", null, "Zürich"));

      List<ExportedFile> hour22;
      try (Connection other = production.connect()) {
        hour22 =
            exporter.exportProcessed(
                other, LAST_HOUR.minus(Duration.ofHours(1)), new ExportProgress(Clock.systemUTC()));
      }
      assertThat(hour22.stream().map(ExportedFile::key).filter(k -> !k.contains("/hour=")))
          .isEmpty();
    }
  }

  private static String us(String column) {
    return "(extract(epoch from " + column + ") * 1000000)::bigint";
  }

  private static Path download(ObjectStore store, String key) throws Exception {
    Path file = Files.createTempFile(work, "get-", ".parquet");
    Files.write(file, store.get(key).orElseThrow());
    return file;
  }
}
