package io.kdp.dedup.candles;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Side;
import io.kdp.dedup.Fixture;
import io.kdp.dedup.production.MergeCounts;
import io.kdp.dedup.production.ProductionWriter;
import io.kdp.dedup.sync.GathererBatch;
import io.kdp.store.production.ProductionStore;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.TickerRow;
import io.kdp.store.row.TradeRow;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The incremental 1-minute candles ({@link CandleRollup#apply}) against their full recompute from
 * production ({@link CandleRollup#recompute}) after every merge, over: duplicates from several
 * gatherers and re-read in later merges, identical times (ties on trade_id and content_hash), rows
 * landing in minutes already written (new open, new close, neither), trades back-filled into
 * earlier minutes, hours and days (previous price), a trade exactly on a minute's end, and a merge
 * of nothing new.
 */
@Timeout(120)
class IncrementalCandlesTest {

  private static final String A = "KXINC-26NOV25-A";
  private static final String B = "KXINC-26NOV25-B";
  private static final long NOON = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli() * 1_000;
  private static final List<String> TABLES = List.of("candles_1m", "candles_1h", "candles_1d");

  @Test
  void incrementalCandlesEqualTheFullRecomputeAfterEveryMerge() throws Exception {
    TestDatabase production = SharedPostgres.createDatabase();
    ProductionStore.migrate(production.dataSource());
    ProductionWriter writer = new ProductionWriter();
    List<TradeRow> first =
        List.of(
            trade("a", "t1", A, 10.0, 400_000, 100),
            trade("a", "t2", A, 30.0, 450_000, 200),
            trade("a", "t3", A, 30.0, 420_000, 300), // same time as t2: after it by id
            trade("a", "t6", A, 60.0, 380_000, 100), // on the minute's end: in it
            trade("a", "u1", B, 65.0, 300_000, 500));
    List<TickerRow> quotes =
        List.of(
            ticker("a", A, 20.0, 390_000, 410_000, 7_000),
            ticker("a", A, 20.0, 395_000, 405_000, 7_100), // same time, other content
            ticker("a", B, 70.0, 280_000, 320_000, 9_000));
    List<MergeCounts> counts =
        merge(
            production,
            writer,
            batch("a", first, quotes),
            batch("b", List.of(first.get(0), first.get(1)), List.of(quotes.get(0))),
            batch("c", List.of(first.get(2), first.get(0)), List.of(quotes.get(1))));
    assertThat(counts.subList(0, 2))
        .containsExactly(new MergeCounts("trades", 9, 5), new MergeCounts("tickers", 5, 3));
    assertEqualsRecompute(production);

    // Into the written minute: a new open, a new close, a tie between t2 and t3, re-reads.
    merge(
        production,
        writer,
        batch(
            "b",
            List.of(
                trade("b", "t0", A, 5.0, 350_000, 100),
                trade("b", "t25", A, 30.0, 600_000, 50),
                trade("b", "t9", A, 59.999999, 460_000, 100),
                first.get(0),
                first.get(4)),
            List.of(ticker("b", A, 1.0, 370_000, 430_000, 6_000), quotes.get(2))),
        batch("c", List.of(first.get(1)), List.of(quotes.get(0))));
    assertEqualsRecompute(production);

    // Back-filled into earlier minutes, an earlier hour and the day before; a ticker-only minute,
    // then a trade into it.
    merge(
        production,
        writer,
        batch(
            "c",
            List.of(
                trade("c", "s1", A, -90.0, 500_000, 100),
                trade("c", "s2", A, -12.5 * 3_600, 510_000, 100),
                trade("c", "u0", B, 30.0, 310_000, 100)),
            List.of(
                ticker("c", A, 150.0, 400_000, 420_000, 7_500),
                ticker("c", A, 150.0, 401_000, 419_000, 7_600))));
    assertEqualsRecompute(production);
    merge(
        production,
        writer,
        batch(
            "a",
            List.of(trade("a", "t7", A, 130.0, 470_000, 100), trade("a", "s0", A, -95.0, 1, 1)),
            List.of(ticker("a", A, 125.0, 380_000, 440_000, 7_700))));
    assertEqualsRecompute(production);

    // Nothing new: everything re-read.
    List<String> before = candles(production);
    merge(production, writer, batch("b", first, quotes));
    assertThat(candles(production)).isEqualTo(before);
    assertEqualsRecompute(production);
    assertThat(before).hasSize(6 + 4 + 3);
  }

  private static List<MergeCounts> merge(
      TestDatabase production, ProductionWriter writer, GathererBatch... batches) throws Exception {
    try (Connection c = production.connect()) {
      c.setAutoCommit(false);
      MinuteDeltas deltas = new MinuteDeltas();
      List<MergeCounts> counts = writer.writeGatherers(c, List.of(batches), deltas);
      CandleRollup.apply(c, deltas);
      c.commit();
      return counts;
    }
  }

  /** The candle tables equal what recomputing every candle from production gives. */
  private static void assertEqualsRecompute(TestDatabase production) throws Exception {
    List<String> incremental = candles(production);
    try (Connection c = production.connect()) {
      c.setAutoCommit(false);
      Map<String, Set<Long>> times = new HashMap<>();
      for (String row :
          Fixture.rows(
              c,
              "SELECT market, (extract(epoch FROM time) * 1000000)::bigint FROM trades UNION"
                  + " SELECT market, (extract(epoch FROM time) * 1000000)::bigint FROM tickers")) {
        String[] f = row.split("\\|");
        times.computeIfAbsent(f[0], m -> new HashSet<>()).add(Long.parseLong(f[1]));
      }
      CandleRollup.recompute(c, times);
      assertThat(candles(c)).isEqualTo(incremental);
      c.rollback();
    }
  }

  private static List<String> candles(TestDatabase production) throws Exception {
    try (Connection c = production.connect()) {
      return candles(c);
    }
  }

  private static List<String> candles(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    for (String table : TABLES) {
      for (String row :
          Fixture.rows(c, "SELECT * FROM " + table + " ORDER BY market, end_period_ts")) {
        out.add(table + "|" + row);
      }
    }
    return out;
  }

  private static GathererBatch batch(String g, List<TradeRow> trades, List<TickerRow> tickers) {
    return new GathererBatch(
        g, trades, tickers, List.of(), List.of(), List.of(), Map.of(), Map.of(), Set.of(), 0,
        Map.of(), Map.of(), Set.of());
  }

  private static long at(double seconds) {
    return NOON + Math.round(seconds * 1_000_000);
  }

  private static TradeRow trade(
      String g, String id, String market, double seconds, long price, long count) {
    long t = at(seconds);
    return new TradeRow(
        id,
        market,
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

  private static TickerRow ticker(
      String g, String market, double seconds, long bid, long ask, long openInterest) {
    long t = at(seconds);
    return new TickerRow(
        market,
        bid,
        bid,
        ask,
        100,
        100,
        100,
        5_000,
        openInterest,
        50,
        70,
        t,
        t + 2_000,
        new Provenance(g, 1, 3, 0));
  }
}
