package io.kdp.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Side;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.store.GathererStore;
import io.kdp.store.production.ProductionEngine;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.TradeRow;
import io.kdp.store.writer.TradeWriter;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import io.kdp.testkit.TimescaleWasm;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same gatherer data merged twice, into production on plain PostgreSQL and into production on
 * the WASM TimescaleDB (through its one session): every table and every candle equal; the
 * TimescaleDB side has its hypertables, compression settings and candle aggregates, and compressed
 * only the chunk past {@code compress-after}; and a trade back-filled into a minute already
 * refreshed changes that minute's, hour's and day's candles alike on both after the next merge; a
 * refresh recorded by a merge that committed but was killed before refreshing is done at the next
 * start-up.
 */
@Timeout(900)
class DeduplicatorTimescaleWasmTest {

  private static final long SECOND = 1_000_000;
  private static final long DAY = 86_400 * SECOND;

  /** The production tables compared, each in a total order. */
  private static final List<String> TABLES =
      List.of(
          "SELECT * FROM trades ORDER BY trade_id",
          "SELECT * FROM trade_ids ORDER BY trade_id",
          "SELECT * FROM tickers ORDER BY market, time, content_hash",
          "SELECT * FROM orderbook_deltas ORDER BY market, time, gatherer, connection_id, sid, seq",
          "SELECT * FROM orderbook_snapshots ORDER BY market, time, source, stream_key",
          "SELECT * FROM coverage ORDER BY market, window_start",
          "SELECT * FROM candles_1m ORDER BY market, end_period_ts",
          "SELECT * FROM candles_1h ORDER BY market, end_period_ts",
          "SELECT * FROM candles_1d ORDER BY market, end_period_ts");

  @Test
  void timescaleProductionEqualsPlainProductionTableByTable() throws Exception {
    ExchangeScript script = new ExchangeScript(21, 2, 16 * SECOND);
    Map<String, ExchangeScript.Recorded> recorded = new LinkedHashMap<>();
    recorded.put("a", script.record("a", 5_000, List.of(DeduplicatorTest.window(5, 9)), 0));
    recorded.put("b", script.record("b", 6_000, List.of(), 0));
    String market = script.markets().getFirst();
    long old = ExchangeScript.T0 - 3 * DAY;
    recorded.get("a").trades().add(trade("a", "old-1", market, old, 310_000));
    Map<String, TestDatabase> gatherers = new LinkedHashMap<>();
    for (var e : recorded.entrySet()) {
      TestDatabase db = Fixture.gathererDatabase();
      Fixture.load(db, e.getValue(), Long.MIN_VALUE, Long.MAX_VALUE);
      gatherers.put(e.getKey(), db);
    }
    TestDatabase plain = SharedPostgres.createDatabase();
    DedupConfig config =
        Fixture.config(plain, gatherers).withCompressAfter(Duration.ofDays(1).plusHours(1));
    Fixture.TestClock clock = new Fixture.TestClock(script.endMicros() + 5 * SECOND);

    try (TimescaleWasm server = TimescaleWasm.start();
        Connection wasm = server.connect();
        Connection p = plain.connect()) {
      DataSource timescale = TimescaleWasm.sharing(wasm);
      merge(config, clock, null, script.endMicros(), ProductionEngine.PARTITIONED);
      merge(config, clock, timescale, script.endMicros(), ProductionEngine.TIMESCALEDB);
      wasm.setAutoCommit(true);
      assertSameTables(p, wasm);
      assertThat(Fixture.rows(wasm, "SELECT count(*) FROM trades"))
          .containsExactly(String.valueOf(script.tradeIds().size() + 1));

      assertThat(
              Fixture.rows(
                  wasm,
                  "SELECT hypertable_name, compression_enabled FROM"
                      + " timescaledb_information.hypertables WHERE hypertable_schema = 'public'"
                      + " ORDER BY 1"))
          .containsExactly("orderbook_deltas|t", "orderbook_snapshots|t", "tickers|t", "trades|t");
      assertThat(
              Fixture.rows(
                  wasm,
                  "SELECT s.hypertable_name, s.attname, j.config ->> 'compress_after' FROM"
                      + " timescaledb_information.compression_settings s JOIN"
                      + " timescaledb_information.jobs j USING (hypertable_name) WHERE"
                      + " s.segmentby_column_index = 1 AND j.proc_name = 'policy_compression'"
                      + " ORDER BY 1"))
          .containsExactly(
              "orderbook_deltas|market|25:00:00",
              "orderbook_snapshots|market|25:00:00",
              "tickers|market|25:00:00",
              "trades|market|25:00:00");
      assertThat(
              Fixture.rows(
                  wasm,
                  "SELECT view_name, materialized_only FROM"
                      + " timescaledb_information.continuous_aggregates ORDER BY 1"))
          .containsExactly(
              "candle_quotes_1d|t",
              "candle_quotes_1h|t",
              "candle_quotes_1m|t",
              "candle_trades_1d|t",
              "candle_trades_1h|t",
              "candle_trades_1m|t");
      assertThat(
              Fixture.rows(
                  wasm,
                  "SELECT hypertable_name, to_char(range_start AT TIME ZONE 'UTC', 'YYYY-MM-DD'),"
                      + " is_compressed FROM timescaledb_information.chunks WHERE"
                      + " hypertable_schema = 'public' ORDER BY 1, 2"))
          .as("only the chunk wholly older than compress-after is compressed")
          .containsExactly(
              "orderbook_deltas|2026-11-25|f",
              "orderbook_snapshots|2026-11-25|f",
              "tickers|2026-11-25|f",
              "trades|2026-11-22|t",
              "trades|2026-11-25|f");
      assertThat(Fixture.rows(wasm, "SELECT count(*) FROM candle_refresh_pending"))
          .containsExactly("0");

      // a trade back-filled into the first minute, which both engines have already refreshed
      String candle =
          "SELECT volume, trade_count, price_high, price_mean FROM %s WHERE market = '"
              + market
              + "' AND end_period_ts = kdp_micros(%d)";
      long minute = ExchangeScript.T0 + 60 * SECOND;
      long hour = ExchangeScript.T0 + 3600 * SECOND;
      long day = ExchangeScript.T0 + 12 * 3600 * SECOND;
      List<String> before =
          List.of(
              Fixture.rows(p, String.format(candle, "candles_1m", minute)).getFirst(),
              Fixture.rows(p, String.format(candle, "candles_1h", hour)).getFirst(),
              Fixture.rows(p, String.format(candle, "candles_1d", day)).getFirst());
      TradeRow late = trade("b", "late-1", market, ExchangeScript.t(2.5), 990_000);
      GathererStore.inTransaction(
          gatherers.get("b").dataSource(), c -> new TradeWriter().write(c, List.of(late)));
      merge(config, clock, null, script.endMicros(), ProductionEngine.PARTITIONED);
      merge(config, clock, timescale, script.endMicros(), ProductionEngine.TIMESCALEDB);
      wasm.setAutoCommit(true);
      for (int i = 0; i < 3; i++) {
        String table = List.of("candles_1m", "candles_1h", "candles_1d").get(i);
        long end = List.of(minute, hour, day).get(i);
        String[] was = before.get(i).split("\\|");
        String expected =
            (Long.parseLong(was[0]) + 100) + "|" + (Long.parseLong(was[1]) + 1) + "|990000|";
        for (Connection c : List.of(p, wasm)) {
          assertThat(Fixture.rows(c, String.format(candle, table, end)).getFirst())
              .as("%s after the back-fill", table)
              .startsWith(expected)
              .isNotEqualTo(before.get(i));
        }
      }
      assertSameTables(p, wasm);

      // killed after a merge committed, before its refresh: the next start-up refreshes
      String minuteOfMarket = String.format(candle, "candles_1m", minute);
      String was = Fixture.rows(wasm, minuteOfMarket).getFirst();
      try (var s = wasm.createStatement()) {
        s.execute(
            "INSERT INTO trades (time, trade_id, market, yes_price, no_price, count, block_trade,"
                + " received_at, source, gatherer) VALUES (kdp_micros("
                + ExchangeScript.t(3)
                + "), 'crash-1', '"
                + market
                + "', 10000, 990000, 100, false, now(), 'rest', 'b')");
        s.execute(
            "INSERT INTO candle_refresh_pending (range_start, range_end) VALUES (kdp_micros("
                + (minute - 60 * SECOND + 1)
                + "), kdp_micros("
                + (minute + 1)
                + "))");
      }
      assertThat(Fixture.rows(wasm, minuteOfMarket)).containsExactly(was);
      Deduplicator.open(config, clock, new SimpleMeterRegistry(), timescale).close();
      wasm.setAutoCommit(true);
      assertThat(Fixture.rows(wasm, minuteOfMarket).getFirst())
          .startsWith((Long.parseLong(was.split("\\|")[0]) + 100) + "|");
      assertThat(Fixture.rows(wasm, "SELECT count(*) FROM candle_refresh_pending"))
          .containsExactly("0");
    }
  }

  private static void merge(
      DedupConfig config,
      Fixture.TestClock clock,
      DataSource production,
      long end,
      ProductionEngine engine)
      throws Exception {
    try (Deduplicator d =
        production == null
            ? Deduplicator.open(config, clock, new SimpleMeterRegistry())
            : Deduplicator.open(config, clock, new SimpleMeterRegistry(), production)) {
      assertThat(d.engine()).isEqualTo(engine);
      Runs.untilDecided(d, end);
    }
  }

  private static void assertSameTables(Connection plain, Connection timescale) throws Exception {
    for (String sql : TABLES) {
      List<String> expected = Fixture.rows(plain, sql);
      assertThat(expected).as(sql).isNotEmpty();
      assertThat(Fixture.rows(timescale, sql)).as(sql).isEqualTo(expected);
    }
  }

  private static TradeRow trade(String g, String id, String market, long time, long price) {
    return new TradeRow(
        id,
        market,
        price,
        1_000_000 - price,
        100,
        Side.YES,
        Side.YES,
        "ask",
        false,
        FeedSource.REST,
        time,
        time + 5_000,
        new Provenance(g, 0, 0, 0));
  }
}
