package io.kdp.store.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.testkit.TimescaleWasm;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Production on the WASM TimescaleDB: the migration detects it and records it; the time-series
 * tables become hypertables compressed by market after the configured age; the candle aggregates
 * bucket µs times as Kalshi does, {@code (end - 1 min, end]} labelled by {@code end}, hours and
 * days built on the minutes; {@link ProductionStore#compress} compresses only chunks wholly older
 * than its bound, and {@link ProductionStore#ensureDays} has nothing to do.
 */
@Timeout(300)
class ProductionTimescaleWasmTest {

  @Test
  void hypertablesCompressionAndKalshiBucketedCandles() throws Exception {
    try (TimescaleWasm server = TimescaleWasm.start();
        Connection c = server.connect()) {
      ProductionStore.migrate(TimescaleWasm.sharing(c), Duration.ofDays(2));
      c.setAutoCommit(true);
      assertThat(ProductionStore.engine(c)).isEqualTo(ProductionEngine.TIMESCALEDB);
      assertThat(
              strings(
                  c,
                  "SELECT hypertable_name FROM timescaledb_information.hypertables"
                      + " WHERE hypertable_schema = 'public' ORDER BY 1"))
          .containsExactly("orderbook_deltas", "orderbook_snapshots", "tickers", "trades");
      assertThat(
              strings(
                  c,
                  "SELECT hypertable_name || ' ' || attname FROM"
                      + " timescaledb_information.compression_settings WHERE"
                      + " segmentby_column_index = 1 AND hypertable_schema = 'public' ORDER BY 1"))
          .containsExactly(
              "orderbook_deltas market",
              "orderbook_snapshots market",
              "tickers market",
              "trades market");
      assertThat(
              strings(
                  c,
                  "SELECT hypertable_name || ' ' || (config ->> 'compress_after') FROM"
                      + " timescaledb_information.jobs WHERE proc_name = 'policy_compression'"
                      + " ORDER BY 1"))
          .containsExactly(
              "orderbook_deltas 2 days",
              "orderbook_snapshots 2 days",
              "tickers 2 days",
              "trades 2 days");
      assertThat(
              strings(
                  c,
                  "SELECT view_name FROM timescaledb_information.continuous_aggregates"
                      + " ORDER BY 1"))
          .containsExactly(
              "candle_quotes_1d",
              "candle_quotes_1h",
              "candle_quotes_1m",
              "candle_trades_1d",
              "candle_trades_1h",
              "candle_trades_1m");
      assertThat(ProductionStore.ensureDays(c, Set.of(LocalDate.parse("2030-03-07")))).isEmpty();

      // 12:01:00 exactly closes the minute ending 12:01; a µs later opens the next one
      trade(c, "t1", "2030-03-07T12:00:30Z", 400_000, 100);
      trade(c, "t2", "2030-03-07T12:01:00Z", 420_000, 300);
      trade(c, "t3", "2030-03-07T12:01:00.000001Z", 410_000, 200);
      trade(c, "t0", "2030-03-04T08:00:00Z", 300_000, 100);
      refresh(c, "2030-03-04T00:00:00Z", "2030-03-08T00:00:00Z");
      assertThat(
              strings(
                  c,
                  "SELECT to_char(end_period_ts AT TIME ZONE 'UTC', 'MM-DD HH24:MI:SS.US') || ' '"
                      + " || concat_ws(',', price_open, price_high, price_low, price_close,"
                      + " volume, trade_count, price_mean, price_previous) FROM candles_1m"
                      + " ORDER BY end_period_ts"))
          .containsExactly(
              "03-04 08:00:00.000000 300000,300000,300000,300000,100,1,300000",
              "03-07 12:01:00.000000 400000,420000,400000,420000,400,2,415000,300000",
              "03-07 12:02:00.000000 410000,410000,410000,410000,200,1,410000,420000");
      assertThat(
              strings(
                  c,
                  "SELECT to_char(end_period_ts AT TIME ZONE 'UTC', 'MM-DD HH24:MI') || ' '"
                      + " || concat_ws(',', price_open, price_close, volume, price_mean,"
                      + " price_previous) FROM candles_1h ORDER BY end_period_ts"))
          .containsExactly(
              "03-04 08:00 300000,300000,100,300000",
              "03-07 13:00 400000,410000,600,413300,300000");
      assertThat(
              strings(
                  c,
                  "SELECT to_char(end_period_ts AT TIME ZONE 'UTC', 'MM-DD HH24:MI') || ' '"
                      + " || concat_ws(',', price_open, price_close, volume) FROM candles_1d"
                      + " ORDER BY end_period_ts"))
          .containsExactly("03-05 00:00 300000,300000,100", "03-08 00:00 400000,410000,600");

      List<String> compressed = ProductionStore.compress(c, Instant.parse("2030-03-07T00:00:00Z"));
      assertThat(compressed).hasSize(1);
      assertThat(
              strings(
                  c,
                  "SELECT to_char(range_start AT TIME ZONE 'UTC', 'MM-DD') || ' ' || is_compressed"
                      + " FROM timescaledb_information.chunks WHERE hypertable_name = 'trades'"
                      + " ORDER BY range_start"))
          .containsExactly("03-04 true", "03-07 false");
      assertThat(ProductionStore.compress(c, Instant.parse("2030-03-07T00:00:00Z"))).isEmpty();
    }
  }

  private static void trade(Connection c, String id, String time, long price, long count)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO trades (time, trade_id, market, yes_price, no_price, count, block_trade,"
              + " received_at, source, gatherer) VALUES ('"
              + time
              + "', '"
              + id
              + "', 'M', "
              + price
              + ", "
              + (1_000_000 - price)
              + ", "
              + count
              + ", false, '"
              + time
              + "', 'ws', 'a')");
    }
  }

  private static void refresh(Connection c, String from, String to) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String level : List.of("1m", "1h", "1d")) {
        for (String kind : List.of("trades", "quotes")) {
          s.execute(
              "CALL refresh_continuous_aggregate('candle_"
                  + kind
                  + "_"
                  + level
                  + "', '"
                  + from
                  + "', '"
                  + to
                  + "')");
        }
      }
    }
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
