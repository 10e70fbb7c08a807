package io.kdp.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.dedup.book.Book;
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
 * Three real gatherer databases (store migrations, store writers, read through the read-only role)
 * merged into a real production database on the embedded PostgreSQL.
 */
@Timeout(180)
class DeduplicatorTest {

  private static final long SECOND = 1_000_000;

  @Test
  void gatherersDownInDifferentWindowsGiveEveryTradeOnceAndTheTrueBooks() throws Exception {
    ExchangeScript script = new ExchangeScript(11, 6, 60 * SECOND);
    Map<String, ExchangeScript.Recorded> recorded = new LinkedHashMap<>();
    recorded.put("a", script.record("a", 5_000, List.of(window(10, 17)), 0));
    recorded.put("b", script.record("b", 6_000, List.of(window(30, 38)), 0));
    recorded.put("c", script.record("c", 7_000, List.of(), 0));
    TestDatabase production = mergeAll(script, recorded);
    try (Connection c = production.connect()) {
      assertThat(Fixture.rows(c, "SELECT trade_id FROM trades ORDER BY trade_id"))
          .isEqualTo(script.tradeIds().stream().sorted().toList());
      assertThat(Fixture.rows(c, "SELECT * FROM coverage WHERE gatherer IS NULL")).isEmpty();
      assertBooksEqualTruth(script, c);
      assertThat(
              Fixture.rows(
                  c,
                  "SELECT market || upper(side) || price || '/' || delta || '@' ||"
                      + " ((extract(epoch from exchange_time) * 1000000)::bigint) FROM"
                      + " orderbook_deltas"))
          .as("every delta once, identical consecutive ones included")
          .containsExactlyInAnyOrderElementsOf(script.truthDeltaKeys());
      assertThat(
              Fixture.rows(
                  c, "SELECT DISTINCT gatherer FROM orderbook_snapshots WHERE source = 'resync'"))
          .isNotEmpty();
      assertThat(Fixture.rows(c, "SELECT count(*) > 0 FROM candles_1m")).containsExactly("t");
    }
  }

  @Test
  void twoGatherersDownOverTheSameWindowLeaveTheThirdToCoverIt() throws Exception {
    ExchangeScript script = new ExchangeScript(12, 4, 40 * SECOND);
    Map<String, ExchangeScript.Recorded> recorded = new LinkedHashMap<>();
    recorded.put("a", script.record("a", 5_000, List.of(window(12, 21)), 0));
    recorded.put("b", script.record("b", 6_000, List.of(window(12, 21)), 0));
    recorded.put("c", script.record("c", 7_000, List.of(), 0));
    TestDatabase production = mergeAll(script, recorded);
    try (Connection c = production.connect()) {
      assertThat(Fixture.rows(c, "SELECT trade_id FROM trades ORDER BY trade_id"))
          .isEqualTo(script.tradeIds().stream().sorted().toList());
      assertThat(Fixture.rows(c, "SELECT * FROM coverage WHERE gatherer IS NULL")).isEmpty();
      assertThat(
              Fixture.rows(
                  c,
                  "SELECT DISTINCT gatherer FROM coverage WHERE window_start <= kdp_micros("
                      + window(14, 14)[0]
                      + ") AND window_end > kdp_micros("
                      + window(14, 14)[0]
                      + ")"))
          .containsExactly("c");
      assertBooksEqualTruth(script, c);
    }
  }

  @Test
  void aSeqGapOnTheFollowedGathererSwitchesWithAResyncSnapshot() throws Exception {
    ExchangeScript script = new ExchangeScript(13, 3, 30 * SECOND);
    Map<String, ExchangeScript.Recorded> recorded = new LinkedHashMap<>();
    recorded.put("a", script.record("a", 5_000, List.of(), ExchangeScript.t(11.5)));
    recorded.put("b", script.record("b", 6_000, List.of(), 0));
    recorded.put("c", script.record("c", 7_000, List.of(), 0));
    TestDatabase production = mergeAll(script, recorded);
    try (Connection c = production.connect()) {
      assertThat(
              Fixture.rows(
                  c,
                  "SELECT DISTINCT gatherer, (extract(epoch from time) * 1000000)::bigint FROM"
                      + " orderbook_snapshots WHERE source = 'resync'"))
          .containsExactly("b|" + windowStartBefore(ExchangeScript.t(11.5)));
      assertThat(Fixture.rows(c, "SELECT * FROM coverage WHERE gatherer IS NULL")).isEmpty();
      assertBooksEqualTruth(script, c);
    }
  }

  @Test
  void aGathererWhoseProcessDiedWithItsDatabaseUpIsFollowedOnlyToItsWatermark() throws Exception {
    ExchangeScript script = new ExchangeScript(14, 4, 40 * SECOND);
    long died = ExchangeScript.t(20);
    Map<String, TestDatabase> gatherers = new LinkedHashMap<>();
    TestDatabase a = Fixture.gathererDatabase();
    // its rows stop at 20 s, its last stream clean and never resumed; its database stays up
    Fixture.load(a, script.record("a", 5_000, List.of(window(20, 1_000)), 0), Long.MIN_VALUE, died);
    gatherers.put("a", a);
    for (String g : List.of("b", "c")) {
      TestDatabase db = Fixture.gathererDatabase();
      int latency = g.equals("b") ? 6_000 : 7_000;
      Fixture.load(db, script.record(g, latency, List.of(), 0), Long.MIN_VALUE, Long.MAX_VALUE);
      gatherers.put(g, db);
    }
    TestDatabase production = SharedPostgres.createDatabase();
    var c0 = Fixture.config(production, gatherers);
    var config =
        new DedupConfig(
            c0.production(),
            c0.gatherers(),
            c0.window(),
            c0.grace(),
            Duration.ofSeconds(5),
            c0.batchSize(),
            c0.maxWindowsPerCycle(),
            c0.pollInterval(),
            c0.backoffInitial(),
            c0.backoffMax(),
            c0.compressAfter());
    try (Deduplicator d =
        Deduplicator.open(
            config,
            new Fixture.TestClock(script.endMicros() + 5 * SECOND),
            new SimpleMeterRegistry())) {
      Runs.untilDecided(d, script.endMicros());
    }
    try (Connection c = production.connect()) {
      assertThat(Fixture.rows(c, "SELECT * FROM coverage WHERE gatherer IS NULL")).isEmpty();
      assertThat(
              Fixture.rows(
                  c,
                  "SELECT DISTINCT gatherer FROM coverage WHERE window_end > kdp_micros("
                      + died
                      + ")"))
          .containsExactly("b");
      assertThat(
              Fixture.rows(
                  c,
                  "SELECT DISTINCT gatherer, (extract(epoch from time) * 1000000)::bigint FROM"
                      + " orderbook_snapshots WHERE source = 'resync'"))
          .containsExactly("b|" + windowStartBefore(died));
      assertBooksEqualTruth(script, c);
    }
  }

  /**
   * The start of the window (of the test settings) holding the instant before {@code t}: where
   * production switches away from a stream whose rows stop at {@code t} (a lost message, a death).
   */
  static long windowStartBefore(long t) {
    long w = DedupConfig.of(null, List.of()).window().toNanos() / 1000;
    return Math.floorDiv(t - 1, w) * w;
  }

  static long[] window(double from, double to) {
    return new long[] {ExchangeScript.t(from), ExchangeScript.t(to)};
  }

  /** Loads every gatherer whole, then runs the deduplicator until it has decided everything. */
  private static TestDatabase mergeAll(
      ExchangeScript script, Map<String, ExchangeScript.Recorded> recorded) throws Exception {
    Map<String, TestDatabase> gatherers = new LinkedHashMap<>();
    for (var e : recorded.entrySet()) {
      TestDatabase db = Fixture.gathererDatabase();
      Fixture.load(db, e.getValue(), Long.MIN_VALUE, Long.MAX_VALUE);
      gatherers.put(e.getKey(), db);
    }
    TestDatabase production = SharedPostgres.createDatabase();
    Fixture.TestClock clock = new Fixture.TestClock(script.endMicros() + 5 * SECOND);
    try (Deduplicator d =
        Deduplicator.open(
            Fixture.config(production, gatherers), clock, new SimpleMeterRegistry())) {
      Runs.untilDecided(d, script.endMicros());
    }
    return production;
  }

  static void assertBooksEqualTruth(ExchangeScript script, Connection c) throws Exception {
    int checked = 0;
    for (long t = ExchangeScript.t(0.5); t < script.endMicros(); t += 1_493_000) {
      if (script.nearStreamStart(t)) {
        continue;
      }
      Map<String, Book> books = Fixture.replay(c, t);
      Map<String, Book> truth = script.truthAt(t);
      for (String m : script.markets()) {
        assertThat(books.getOrDefault(m, new Book()))
            .as("%s at +%d µs", m, t - ExchangeScript.t(0))
            .isEqualTo(truth.get(m));
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
  }
}
