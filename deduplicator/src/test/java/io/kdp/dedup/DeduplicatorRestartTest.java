package io.kdp.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deduplicator stopped after every single cycle and started again on the same production
 * database, while the gatherers keep committing in phases, ends with production identical, table by
 * table, to a run that was never stopped.
 */
@Timeout(300)
class DeduplicatorRestartTest {

  private static final long SECOND = 1_000_000;
  private static final long GRACE = 2 * SECOND;
  static final List<String> TABLES =
      List.of(
          "SELECT time, trade_id, market, yes_price, no_price, count, taker_side, exchange_time,"
              + " received_at, source, gatherer FROM trades ORDER BY trade_id",
          "SELECT * FROM trade_ids ORDER BY trade_id",
          "SELECT * FROM tickers ORDER BY market, time, content_hash",
          "SELECT * FROM orderbook_deltas ORDER BY market, time, gatherer, connection_id, seq",
          "SELECT * FROM orderbook_snapshots ORDER BY market, time, source, stream_key",
          "SELECT * FROM coverage ORDER BY market, window_start",
          "SELECT * FROM candles_1m ORDER BY market, end_period_ts",
          "SELECT * FROM candles_1h ORDER BY market, end_period_ts",
          "SELECT * FROM candles_1d ORDER BY market, end_period_ts",
          "SELECT gatherer, table_name, pos FROM sync_cursors ORDER BY 1, 2",
          "SELECT decided_to FROM dedup_checkpoint");

  @Test
  void restartedAfterEveryCycleEndsIdenticalToACleanRun() throws Exception {
    ExchangeScript script = new ExchangeScript(21, 4, 45 * SECOND);
    Map<String, ExchangeScript.Recorded> recorded = new LinkedHashMap<>();
    recorded.put("a", script.record("a", 5_000, List.of(DeduplicatorTest.window(8, 14)), 0));
    recorded.put("b", script.record("b", 6_000, List.of(), ExchangeScript.t(24.3)));
    recorded.put("c", script.record("c", 7_000, List.of(DeduplicatorTest.window(30, 33)), 0));
    TestDatabase clean = run(script, recorded, false);
    TestDatabase restarted = run(script, recorded, true);
    try (Connection a = clean.connect();
        Connection b = restarted.connect()) {
      for (String sql : TABLES) {
        List<String> expected = Fixture.rows(a, sql);
        assertThat(Fixture.rows(b, sql)).as(sql).isEqualTo(expected);
      }
      assertThat(Fixture.rows(a, "SELECT count(*) FROM orderbook_deltas").getFirst())
          .isNotEqualTo("0");
      DeduplicatorTest.assertBooksEqualTruth(script, b);
    }
  }

  /** Loads the gatherers in three phases; merges after each, restarting after every cycle. */
  private static TestDatabase run(
      ExchangeScript script, Map<String, ExchangeScript.Recorded> recorded, boolean restart)
      throws Exception {
    Map<String, TestDatabase> gatherers = new LinkedHashMap<>();
    for (String g : recorded.keySet()) {
      gatherers.put(g, Fixture.gathererDatabase());
    }
    TestDatabase production = SharedPostgres.createDatabase();
    var config = Fixture.config(production, gatherers).withBatchSize(400);
    long loaded = Long.MIN_VALUE;
    for (double phase : new double[] {15, 30, 45}) {
      long end = ExchangeScript.t(phase);
      for (var e : recorded.entrySet()) {
        Fixture.load(gatherers.get(e.getKey()), e.getValue(), loaded, end + GRACE);
      }
      loaded = end + GRACE;
      Fixture.TestClock clock = new Fixture.TestClock(end + GRACE);
      long target =
          Math.floorDiv(end, config.window().toNanos() / 1000) * (config.window().toNanos() / 1000);
      if (!restart) {
        try (Deduplicator d = Deduplicator.open(config, clock, new SimpleMeterRegistry())) {
          Runs.untilDecided(d, target);
        }
        continue;
      }
      for (int i = 0; ; i++) {
        assertThat(i).as("cycles in phase %s", phase).isLessThan(500);
        try (Deduplicator d = Deduplicator.open(config, clock, new SimpleMeterRegistry())) {
          Deduplicator.Cycle c = d.runOnce();
          if (c.caughtUp() && c.decidedTo() >= target) {
            break;
          }
        }
      }
    }
    return production;
  }
}
