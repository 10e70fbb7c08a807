package io.kdp.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reading the next batches while a cycle writes ({@code runOnce(true)}), with a production
 * transaction that fails in the middle of a backlog (its prefetched reads must be dropped, the
 * cursors having stayed where they were), ends with production identical, table by table, to cycles
 * that read only after committing.
 */
@Timeout(300)
class PrefetchedReadsTest {

  private static final long SECOND = 1_000_000;
  private static final long GRACE = 2 * SECOND;

  @Test
  void prefetchingAcrossAFailedTransactionEndsIdenticalToPlainCycles() throws Exception {
    ExchangeScript script = new ExchangeScript(33, 4, 30 * SECOND);
    Map<String, ExchangeScript.Recorded> recorded = new LinkedHashMap<>();
    recorded.put("a", script.record("a", 5_000, List.of(DeduplicatorTest.window(8, 12)), 0));
    recorded.put("b", script.record("b", 6_000, List.of(), 0));
    recorded.put("c", script.record("c", 7_000, List.of(DeduplicatorTest.window(20, 23)), 0));
    TestDatabase plain = run(script, recorded, false);
    TestDatabase prefetched = run(script, recorded, true);
    try (Connection a = plain.connect();
        Connection b = prefetched.connect()) {
      for (String sql : DeduplicatorRestartTest.TABLES) {
        assertThat(Fixture.rows(b, sql)).as(sql).isEqualTo(Fixture.rows(a, sql));
      }
      assertThat(Fixture.rows(a, "SELECT count(*) FROM orderbook_deltas").getFirst())
          .isNotEqualTo("0");
      DeduplicatorTest.assertBooksEqualTruth(script, b);
    }
  }

  private static TestDatabase run(
      ExchangeScript script, Map<String, ExchangeScript.Recorded> recorded, boolean prefetch)
      throws Exception {
    Map<String, TestDatabase> gatherers = new LinkedHashMap<>();
    for (var e : recorded.entrySet()) {
      TestDatabase db = Fixture.gathererDatabase();
      Fixture.load(db, e.getValue(), Long.MIN_VALUE, ExchangeScript.t(30) + GRACE);
      gatherers.put(e.getKey(), db);
    }
    TestDatabase production = SharedPostgres.createDatabase();
    var config = Fixture.config(production, gatherers).withBatchSize(300);
    long end = ExchangeScript.t(30);
    long window = config.window().toNanos() / 1000;
    long target = Math.floorDiv(end, window) * window;
    try (Deduplicator d =
        Deduplicator.open(config, new Fixture.TestClock(end + GRACE), new SimpleMeterRegistry())) {
      boolean failed = !prefetch;
      for (int i = 1; ; i++) {
        assertThat(i).as("cycles").isLessThan(500);
        if (!failed && i == 4) {
          failNextTransaction(production, true);
          assertThatThrownBy(() -> d.runOnce(true)).isInstanceOf(SQLException.class);
          failNextTransaction(production, false);
          failed = true;
        }
        Deduplicator.Cycle c = d.runOnce(prefetch);
        if (c.caughtUp() && c.decidedTo() >= target) {
          break;
        }
        if (i <= 3) {
          assertThat(c.caughtUp()).as("a backlog to read ahead in, cycle %s", i).isFalse();
        }
      }
    }
    return production;
  }

  /** A constraint no checkpoint can meet makes every merge transaction fail while it stands. */
  private static void failNextTransaction(TestDatabase production, boolean fail)
      throws SQLException {
    try (Connection c = production.connect();
        Statement s = c.createStatement()) {
      s.execute(
          fail
              ? "ALTER TABLE dedup_checkpoint ADD CONSTRAINT test_fail CHECK (false) NOT VALID"
              : "ALTER TABLE dedup_checkpoint DROP CONSTRAINT test_fail");
    }
  }
}
