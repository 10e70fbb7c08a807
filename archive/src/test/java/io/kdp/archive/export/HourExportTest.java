package io.kdp.archive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.archive.s3.ObjectStore;
import io.kdp.archive.s3.S3ProxyServer;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Exports a production hour to a real S3-compatible server and reads it back with DuckDB. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HourExportTest {

  static final Instant HOUR = ProductionFixture.HOUR;
  static final String IN_HOUR =
      " WHERE time >= '2026-11-20T14:00:00Z' AND time < '2026-11-20T15:00:00Z'";

  private static S3ProxyServer s3;
  private static TestDatabase production;
  @TempDir static Path work;

  @BeforeAll
  static void setUp() throws Exception {
    s3 = S3ProxyServer.start();
    production = ProductionFixture.create();
    try (Connection c = production.connect()) {
      ProductionFixture.fill(c, HOUR.minus(1, ChronoUnit.HOURS), 500, 3);
      ProductionFixture.fill(c, HOUR, 50_000, 7);
      ProductionFixture.fill(c, HOUR.plus(1, ChronoUnit.HOURS), 500, 3);
      OrderbookScenario.insert(c);
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    s3.close();
  }

  private static List<ExportedFile> export(ObjectStore store, ExportProgress progress)
      throws Exception {
    HourExporter exporter = new HourExporter(store, work.resolve("tmp"), Duration.ofHours(24));
    try (Connection c = production.connect()) {
      return exporter.exportProcessed(c, HOUR, progress);
    }
  }

  private static Path download(ObjectStore store, String key) throws Exception {
    Path file = Files.createTempFile(work, "get-", ".parquet");
    Files.write(file, store.get(key).orElseThrow());
    return file;
  }

  @Test
  void exportsEveryTableOfTheHourUnderHiveKeysAndDuckDbReadsTheSourceRowsExactly()
      throws Exception {
    try (ObjectStore store = s3.bucket("export-read-back")) {
      List<ExportedFile> files = export(store, new ExportProgress(Clock.systemUTC()));

      String p = "date=2026-11-20/hour=14/part-0000.parquet";
      assertThat(files.stream().map(ExportedFile::key))
          .containsExactly(
              "processed/table=trades/" + p,
              "processed/table=tickers/" + p,
              "processed/table=coverage/" + p,
              "processed/table=orderbook/" + p,
              "aggregates/table=candles_1m/" + p,
              "aggregates/table=candles_1h/" + p);
      assertThat(store.list(""))
          .containsExactlyInAnyOrder(
              "processed/table=trades/" + p,
              "processed/table=tickers/" + p,
              "processed/table=coverage/" + p,
              "processed/table=orderbook/" + p,
              "aggregates/table=candles_1m/" + p,
              "aggregates/table=candles_1h/" + p,
              "manifests/processed/date=2026-11-20/hour=14.json");

      List<List<Object>> sourceTrades;
      try (Connection c = production.connect()) {
        sourceTrades =
            Rows.query(
                c,
                "SELECT trade_id, market, yes_price, no_price, count, taker_side,"
                    + " taker_outcome_side, taker_book_side, block_trade,"
                    + " (extract(epoch from time) * 1000000)::bigint,"
                    + " (extract(epoch from exchange_time) * 1000000)::bigint,"
                    + " (extract(epoch from received_at) * 1000000)::bigint, source, gatherer"
                    + " FROM trades"
                    + IN_HOUR
                    + " ORDER BY time, trade_id");
      }
      Path trades = download(store, "processed/table=trades/" + p);
      assertThat(sourceTrades).hasSize(50_000);
      assertThat(
              Rows.duckdb(
                  "SELECT trade_id, market, yes_price, no_price, count, taker_side,"
                      + " taker_outcome_side, taker_book_side, block_trade, epoch_us(time),"
                      + " epoch_us(exchange_time), epoch_us(received_at), source, gatherer"
                      + " FROM read_parquet('"
                      + trades
                      + "')"))
          .isEqualTo(sourceTrades);
      assertThat(
              Rows.duckdb(
                  "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
                      + trades
                      + "')) WHERE column_name IN ('yes_price', 'count', 'exchange_time')"))
          .containsExactly(
              List.of("yes_price", "BIGINT"),
              List.of("count", "BIGINT"),
              List.of("exchange_time", "TIMESTAMP WITH TIME ZONE"));
      assertThat(
              Rows.duckdb(
                  "SELECT decode(key), decode(value) FROM parquet_kv_metadata('"
                      + trades
                      + "') ORDER BY key"))
          .containsExactly(List.of("kdp.schema_version", "1"), List.of("kdp.table", "trades"));
      assertThat(Rows.duckdb("SELECT DISTINCT compression FROM parquet_metadata('" + trades + "')"))
          .containsExactly(List.of("ZSTD"));
      assertThat(
              Rows.duckdb(
                  "SELECT row_group_id, max(row_group_num_rows) FROM parquet_metadata('"
                      + trades
                      + "') GROUP BY 1 ORDER BY 1"))
          .containsExactly(List.of(0L, 50_000L));

      List<List<Object>> sourceTickers;
      try (Connection c = production.connect()) {
        sourceTickers =
            Rows.query(
                c,
                "SELECT market, (extract(epoch from time) * 1000000)::bigint, price, yes_bid,"
                    + " yes_ask, volume, open_interest, dollar_volume,"
                    + " (extract(epoch from exchange_time) * 1000000)::bigint, content_hash"
                    + " FROM tickers"
                    + IN_HOUR
                    + " ORDER BY market, time, content_hash");
      }
      Path tickers = download(store, "processed/table=tickers/" + p);
      assertThat(
              Rows.duckdb(
                  "SELECT market, epoch_us(time), price, yes_bid, yes_ask, volume, open_interest,"
                      + " dollar_volume, epoch_us(exchange_time), content_hash FROM read_parquet('"
                      + tickers
                      + "')"))
          .isEqualTo(sourceTickers);

      List<List<Object>> sourceCandles;
      try (Connection c = production.connect()) {
        sourceCandles =
            Rows.query(
                c,
                "SELECT market, (extract(epoch from end_period_ts) * 1000000)::bigint,"
                    + " price_open, price_high, price_low, price_close, volume, trade_count,"
                    + " yes_ask_close, open_interest FROM candles_1m WHERE end_period_ts >"
                    + " '2026-11-20T14:00:00Z' AND end_period_ts <= '2026-11-20T15:00:00Z'"
                    + " ORDER BY market, end_period_ts");
      }
      assertThat(sourceCandles).hasSize(180);
      assertThat(
              Rows.duckdb(
                  "SELECT market, epoch_us(end_period_ts), price_open, price_high, price_low,"
                      + " price_close, volume, trade_count, yes_ask_close, open_interest"
                      + " FROM read_parquet('"
                      + download(store, "aggregates/table=candles_1m/" + p)
                      + "')"))
          .isEqualTo(sourceCandles);
    }
  }

  @Test
  void orderbookFileBeginsEachMarketWithItsBookAtTheHourStart() throws Exception {
    try (ObjectStore store = s3.bucket("export-orderbook")) {
      export(store, new ExportProgress(Clock.systemUTC()));
      Path book =
          download(store, "processed/table=orderbook/date=2026-11-20/hour=14/part-0000.parquet");
      assertThat(
              Rows.duckdb(
                  "SELECT market, kind, epoch_us(time), epoch_us(exchange_time),"
                      + " epoch_us(received_at), source, stream_key, side, price, delta,"
                      + " yes_prices::VARCHAR, yes_sizes::VARCHAR,"
                      + " no_prices::VARCHAR, no_sizes::VARCHAR, gatherer, connection_id,"
                      + " sid::BIGINT, seq FROM read_parquet('"
                      + book
                      + "') WHERE market LIKE 'OB-%'"))
          .isEqualTo(OrderbookScenario.expected());
    }
  }

  @Test
  void reExportWritesTheSameKeysAndTheSameBytes() throws Exception {
    try (ObjectStore first = s3.bucket("export-twice-a");
        ObjectStore second = s3.bucket("export-twice-b")) {
      List<ExportedFile> a = export(first, new ExportProgress(Clock.systemUTC()));
      List<ExportedFile> again = export(first, new ExportProgress(Clock.systemUTC()));
      List<ExportedFile> b = export(second, new ExportProgress(Clock.systemUTC()));

      assertThat(again).isEqualTo(a);
      assertThat(b).isEqualTo(a);
      for (String key : first.list("")) {
        assertThat(second.get(key).orElseThrow()).as(key).isEqualTo(first.get(key).orElseThrow());
      }
    }
  }

  @Test
  void exportKilledMidFileLeavesNoPartialObjectAndARerunCompletesIt() throws Exception {
    try (ObjectStore store = s3.bucket("export-interrupted");
        ObjectStore clean = s3.bucket("export-uninterrupted")) {
      ExportProgress progress =
          new ExportProgress(Clock.systemUTC())
              .onRows(
                  rows -> {
                    if (rows == 20_000) {
                      terminateOtherSessions();
                    }
                  });

      assertThatThrownBy(() -> export(store, progress)).isInstanceOf(SQLException.class);
      // whatever the killed run uploaded is whole (binary COPY may have received a whole table
      // before the kill): each object is byte-identical to the uninterrupted export's, and the
      // unit has no manifest
      List<ExportedFile> expected = export(clean, new ExportProgress(Clock.systemUTC()));
      Map<String, String> digests = new HashMap<>();
      expected.forEach(f -> digests.put(f.key(), f.sha256()));
      for (String key : store.list("")) {
        assertThat(digests).containsKey(key);
        assertThat(sha256(store.get(key).orElseThrow())).isEqualTo(digests.get(key));
      }
      assertThat(store.exists(HourKeys.processedManifest(HOUR))).isFalse();
      try (var tmp = Files.list(work.resolve("tmp"))) {
        assertThat(tmp).isEmpty();
      }

      List<ExportedFile> rerun = export(store, new ExportProgress(Clock.systemUTC()));
      assertThat(rerun).isEqualTo(expected);
      assertThat(store.exists(HourKeys.processedManifest(HOUR))).isTrue();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static void terminateOtherSessions() {
    try (Connection c = production.connect();
        Statement s = c.createStatement()) {
      s.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
