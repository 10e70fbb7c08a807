package io.kdp.dedup.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.dedup.Deduplicator;
import io.kdp.dedup.ExchangeScript;
import io.kdp.dedup.Fixture;
import io.kdp.store.GathererStore;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.CopyWriter;
import io.kdp.store.writer.TradeWriter;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Trades, tickers, REST snapshots, metadata and candles from two gatherers into production. */
@Timeout(120)
class ProductionMergeTest {

  private static final String M = "KXTEST-26NOV25-M0";

  @Test
  void everyTableMergesOnceAndCandlesFollowKalshiBucketing() throws Exception {
    TestDatabase a = Fixture.gathererDatabase();
    TestDatabase b = Fixture.gathererDatabase();
    for (TestDatabase g : List.of(a, b)) {
      String name = g == a ? "a" : "b";
      GathererStore.inTransaction(
          g.dataSource(),
          c -> {
            new TradeWriter()
                .write(
                    c,
                    List.of(
                        trade(name, "t1", 30.0, 400_000, 100),
                        trade(name, "t2", 59.5, 450_000, 200),
                        trade(name, "t3", 60.0, 380_000, 300), // exactly on the minute: ends it
                        trade(name, "t4", 61.0, 500_000, 400)));
            new CopyWriter<>(Tables.TICKERS)
                .write(
                    c,
                    List.of(
                        ticker(name, 10.0, 390_000, 410_000),
                        ticker(name, 50.0, 395_000, 420_000)));
            new CopyWriter<>(Tables.SNAPSHOTS)
                .write(c, List.of(rest(name, name.equals("a") ? 20.2 : 20.1), rest(name, 85.0)));
            return null;
          });
      try (Connection c = g.connect();
          Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO markets (ticker, status, exchange_updated_time, wire, updated_at, gatherer)"
                + " VALUES ('"
                + M
                + "', '"
                + (name.equals("a") ? "active" : "closed")
                + "', '2026-11-25T12:00:0"
                + (name.equals("a") ? "1" : "5")
                + "Z', '{}', now(), '"
                + name
                + "')");
        s.execute(
            "INSERT INTO market_status_changes (ticker, old_status, new_status, exchange_time,"
                + " received_at, gatherer) VALUES ('"
                + M
                + "', 'active', 'closed', '2026-11-25T12:00:05Z', now(), '"
                + name
                + "')");
      }
    }
    TestDatabase production = SharedPostgres.createDatabase();
    Map<String, TestDatabase> gatherers = new LinkedHashMap<>();
    gatherers.put("a", a);
    gatherers.put("b", b);
    try (Deduplicator d =
        Deduplicator.open(
            Fixture.config(production, gatherers),
            new Fixture.TestClock(ExchangeScript.t(300)),
            new SimpleMeterRegistry())) {
      d.runOnce();
      d.runOnce();
    }
    try (Connection c = production.connect()) {
      assertThat(Fixture.rows(c, "SELECT trade_id, gatherer FROM trades ORDER BY trade_id"))
          .containsExactly("t1|a", "t2|a", "t3|a", "t4|a");
      assertThat(Fixture.rows(c, "SELECT yes_bid, gatherer FROM tickers ORDER BY time"))
          .containsExactly("390000|a", "395000|a");
      assertThat(
              Fixture.rows(
                  c,
                  "SELECT to_char(time, 'HH24:MI:SS'), gatherer, to_char(received_at,"
                      + " 'SS.US') FROM orderbook_snapshots WHERE source = 'rest' ORDER BY time"))
          .as("one per market and minute: the first received")
          .containsExactly("12:00:00|b|20.105000", "12:01:00|a|25.005000");
      assertThat(Fixture.rows(c, "SELECT ticker, status, gatherer FROM markets"))
          .containsExactly(M + "|closed|b");
      assertThat(
              Fixture.rows(c, "SELECT ticker, old_status, new_status FROM market_status_changes"))
          .containsExactly(M + "|active|closed");
      assertThat(
              Fixture.rows(
                  c,
                  "SELECT to_char(end_period_ts, 'HH24:MI:SS'), price_open, price_high, price_low,"
                      + " price_close, volume, trade_count, yes_bid_open, yes_bid_close,"
                      + " yes_ask_high FROM candles_1m ORDER BY end_period_ts"))
          .containsExactly(
              "12:01:00|400000|450000|380000|380000|600|3|390000|395000|420000",
              "12:02:00|500000|500000|500000|500000|400|1|null|null|null");
      assertThat(
              Fixture.rows(
                  c,
                  "SELECT to_char(end_period_ts, 'HH24:MI:SS'), price_open, price_close, volume,"
                      + " yes_bid_open FROM candles_1h"))
          .containsExactly("13:00:00|400000|500000|1000|390000");
      assertThat(
              Fixture.rows(
                  c, "SELECT to_char(end_period_ts, 'YYYY-MM-DD HH24'), volume FROM candles_1d"))
          .containsExactly("2026-11-26 00|1000");
    }
  }

  private static TradeRow trade(String g, String id, double at, long price, long count) {
    long t = ExchangeScript.t(at);
    return new TradeRow(
        id,
        M,
        price,
        1_000_000 - price,
        count,
        Side.YES,
        Side.YES,
        "ask",
        false,
        FeedSource.WS,
        t,
        t + 3_000,
        new Provenance(g, 1, 2, 0));
  }

  private static TickerRow ticker(String g, double at, long bid, long ask) {
    long t = ExchangeScript.t(at);
    return new TickerRow(
        M,
        bid,
        bid,
        ask,
        100,
        100,
        100,
        5_000,
        7_000,
        50,
        70,
        t,
        t + 2_000,
        new Provenance(g, 1, 3, 0));
  }

  private static SnapshotRow rest(String g, double receivedAt) {
    return new SnapshotRow(
        M,
        FeedSource.REST,
        List.of(new Level(390_000, 1_000)),
        List.of(new Level(580_000, 500)),
        KalshiWsMessage.NO_TIME,
        ExchangeScript.t(receivedAt) + 5_000,
        Provenance.rest(g));
  }
}
