package io.kdp.dedup.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.dedup.Fixture;
import io.kdp.dedup.candles.CandleRollup;
import io.kdp.dedup.candles.MinuteDeltas;
import io.kdp.dedup.sync.GathererBatch;
import io.kdp.store.GathererStore;
import io.kdp.store.production.ProductionStore;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.TradeRow;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Trades merged by claiming their ids and copying the new ones ({@link BulkLoad#COPY}) and by the
 * one-statement arrays way ({@link BulkLoad#ARRAYS}): the same rows in production, each trade id
 * once with the first delivery merged, and the same 1-minute candles, over cycles that deliver a
 * trade from several gatherers, again in a later cycle, and with no exchange time.
 */
@Timeout(60)
class TradeLoadTest {

  private static final long T = 1_795_608_000_000_000L;

  private static TradeRow trade(String g, int i, long exchangeTime, long price, long count) {
    return new TradeRow(
        "t" + i,
        "KXTEST-M" + (i % 2),
        price,
        1_000_000 - price,
        count,
        i % 3 == 0 ? null : Side.YES,
        Side.NO,
        i % 3 == 0 ? null : "bid",
        i % 4 == 0,
        FeedSource.WS,
        exchangeTime,
        T + i * 7_000_000L + 500,
        new Provenance(g, 1, 2, i));
  }

  private static List<TradeRow> trades(String g, int from, int to) {
    List<TradeRow> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      long exchange = i % 5 == 0 ? KalshiWsMessage.NO_TIME : T + i * 7_000_000L;
      out.add(trade(g, i, exchange, 10_000L * (1 + i % 90), 100L * (1 + i % 7)));
    }
    return out;
  }

  private static GathererBatch batch(String g, List<TradeRow> trades) {
    return new GathererBatch(
        g, trades, List.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), Set.of(), 0,
        Map.of(), Map.of(), Set.of());
  }

  @Test
  void copyAndArraysMergeTheSameTradesAndCandles() throws Exception {
    List<List<GathererBatch>> cycles =
        List.of(
            List.of(batch("a", trades("a", 0, 40)), batch("b", trades("b", 20, 60))),
            List.of(batch("c", trades("c", 0, 80)), batch("b", trades("b", 60, 80))),
            List.of(batch("a", trades("a", 30, 100))));
    List<String> copy = merged(BulkLoad.COPY, cycles);
    // t0-t59 new in cycle 1 (a first, b after t39), t60-t79 in cycle 2 from c (b's copies dropped
    // in memory), t80-t99 in cycle 3 from a; every other delivery is a duplicate
    assertThat(copy.subList(0, 3)).containsExactly("a|60", "b|20", "c|20");
    assertThat(copy.get(3)).isEqualTo("new per cycle|60|20|20");
    assertThat(copy.get(4)).isEqualTo("time not exchange else receive|0");
    assertThat(copy.get(5)).isEqualTo("without exchange time|20");
    assertThat(copy.get(6))
        .isEqualTo(
            "t0|KXTEST-M0|10000|990000|100|null|no|null|t|null|2026-11-25 12:00:00.0005+00|a");
    assertThat(copy.get(7))
        .isEqualTo(
            "t1|KXTEST-M1|20000|980000|200|yes|no|bid|f|2026-11-25 12:00:07+00|2026-11-25"
                + " 12:00:07.0005+00|a");
    assertThat(copy).hasSizeGreaterThan(6 + 100 + 20);
    assertThat(merged(BulkLoad.ARRAYS, cycles)).isEqualTo(copy);
  }

  private static List<String> merged(BulkLoad load, List<List<GathererBatch>> cycles)
      throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    ProductionStore.migrate(db.dataSource());
    ProductionWriter writer = new ProductionWriter(load);
    List<Long> fresh = new ArrayList<>();
    for (List<GathererBatch> cycle : cycles) {
      GathererStore.inTransaction(
          db.dataSource(),
          c -> {
            MinuteDeltas deltas = new MinuteDeltas();
            List<MergeCounts> counts = writer.writeGatherers(c, cycle, deltas);
            fresh.add(counts.getFirst().written());
            return CandleRollup.apply(c, deltas);
          });
    }
    try (Connection c = db.connect()) {
      List<String> rows =
          new ArrayList<>(
              Fixture.rows(
                  c, "SELECT gatherer, count(*) FROM trades GROUP BY gatherer ORDER BY gatherer"));
      rows.add("new per cycle|" + String.join("|", fresh.stream().map(String::valueOf).toList()));
      rows.add(
          "time not exchange else receive|"
              + Fixture.rows(
                      c,
                      "SELECT count(*) FROM trades WHERE time <> coalesce(exchange_time,"
                          + " received_at)")
                  .getFirst());
      rows.add(
          "without exchange time|"
              + Fixture.rows(c, "SELECT count(*) FROM trades WHERE exchange_time IS NULL")
                  .getFirst());
      rows.addAll(
          Fixture.rows(
              c,
              "SELECT t.trade_id, market, yes_price, no_price, count, taker_side,"
                  + " taker_outcome_side, taker_book_side, block_trade, exchange_time,"
                  + " received_at, gatherer FROM trades t JOIN trade_ids i USING (trade_id)"
                  + " WHERE i.time = t.time ORDER BY (substr(t.trade_id, 2))::int"));
      rows.addAll(
          Fixture.rows(
              c,
              "SELECT market, end_period_ts, price_open, price_high, price_low, price_close,"
                  + " volume, trade_count, price_mean, price_count_sum FROM candles_1m ORDER BY"
                  + " market, end_period_ts"));
      return rows;
    }
  }
}
