package io.kdp.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.dedup.config.DedupConfig;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gatherer whose one book connection stalls silently while its process stays alive and keeps
 * advancing its process watermark: the deduplicator trusts that connection's stream only through
 * the connection's own watermark (its last frame or ping), so it switches to another gatherer for
 * the stalled time instead of taking the silence for a quiet book.
 */
@Timeout(180)
class StalledConnectionTest {

  private static final long SECOND = 1_000_000;

  @Test
  void aStalledConnectionOfALiveGathererIsFollowedOnlyToItsOwnWatermark() throws Exception {
    ExchangeScript script = new ExchangeScript(15, 4, 40 * SECOND);
    long stalled = ExchangeScript.t(20);
    long cut = ExchangeScript.t(30);
    Map<String, ExchangeScript.Recorded> recorded = new LinkedHashMap<>();
    // a's connection receives nothing from 20 s; its idle watchdog reconnects it at 32 s
    recorded.put("a", script.record("a", 5_000, List.of(DeduplicatorTest.window(20, 32)), 0));
    recorded.put("b", script.record("b", 6_000, List.of(), 0));
    recorded.put("c", script.record("c", 7_000, List.of(), 0));
    Map<String, TestDatabase> gatherers = new LinkedHashMap<>();
    for (var e : recorded.entrySet()) {
      TestDatabase db = Fixture.gathererDatabase();
      Fixture.load(db, e.getValue(), Long.MIN_VALUE, cut);
      gatherers.put(e.getKey(), db);
    }
    try (Connection c = gatherers.get("a").connect()) {
      // up to 30 s a has not noticed: its process watermark is at 30 s, its connection still open
      c.createStatement().execute("UPDATE connection_watermarks SET closed = false");
      assertThat(
              Fixture.rows(
                  c,
                  "SELECT connection_id, (extract(epoch from complete_through) * 1000000)::bigint,"
                      + " closed FROM connection_watermarks"))
          .containsExactly("1|" + stalled + "|f");
    }
    TestDatabase production = SharedPostgres.createDatabase();
    Fixture.TestClock clock = new Fixture.TestClock(cut + SECOND);
    try (Deduplicator d =
        Deduplicator.open(config(production, gatherers), clock, new SimpleMeterRegistry())) {
      Runs.untilDecided(d, ExchangeScript.t(26));
      try (Connection c = production.connect()) {
        assertThat(Fixture.rows(c, "SELECT * FROM coverage WHERE gatherer IS NULL")).isEmpty();
        assertThat(
                Fixture.rows(
                    c,
                    "SELECT DISTINCT gatherer FROM coverage WHERE window_end > kdp_micros("
                        + stalled
                        + ")"))
            .as("the stalled stream is not taken past its connection's watermark")
            .containsExactly("b");
      }
      for (var e : recorded.entrySet()) {
        Fixture.load(gatherers.get(e.getKey()), e.getValue(), cut, Long.MAX_VALUE);
      }
      clock.set(script.endMicros() + 5 * SECOND);
      Runs.untilDecided(d, script.endMicros());
    }
    try (Connection c = production.connect()) {
      assertThat(Fixture.rows(c, "SELECT trade_id FROM trades ORDER BY trade_id"))
          .isEqualTo(script.tradeIds().stream().sorted().toList());
      assertThat(Fixture.rows(c, "SELECT * FROM coverage WHERE gatherer IS NULL")).isEmpty();
      assertThat(
              Fixture.rows(
                  c,
                  "SELECT DISTINCT gatherer, (extract(epoch from time) * 1000000)::bigint FROM"
                      + " orderbook_snapshots WHERE source = 'resync'"))
          .containsExactly("b|" + DeduplicatorTest.windowStartBefore(stalled));
      DeduplicatorTest.assertBooksEqualTruth(script, c);
    }
  }

  /** The test settings with a 5 s max delay: a connection 5 s behind holds no decision back. */
  static DedupConfig config(TestDatabase production, Map<String, TestDatabase> gatherers) {
    DedupConfig c = Fixture.config(production, gatherers);
    return new DedupConfig(
        c.production(),
        c.gatherers(),
        c.window(),
        c.grace(),
        Duration.ofSeconds(5),
        c.batchSize(),
        c.maxWindowsPerCycle(),
        c.pollInterval(),
        c.backoffInitial(),
        c.backoffMax(),
        c.compressAfter());
  }
}
