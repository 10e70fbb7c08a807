package io.kdp.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.testkit.DedicatedPostgres;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gatherer's database replaced mid-run by a fresh one (a new PostgreSQL cluster at the same URL,
 * as after a rebuilt host) whose positions start again far below the saved cursors: the
 * deduplicator notices the new identity, restarts that gatherer's cursors and merges the new rows;
 * nothing is lost and nothing doubled.
 */
@Timeout(240)
class GathererDatabaseReplacedTest {

  @Test
  void aReplacedGathererDatabaseIsReadFromItsFirstRow() throws Exception {
    ExchangeScript script = new ExchangeScript(16, 4, 40 * 1_000_000L);
    long replacedAt = ExchangeScript.t(20);
    Map<String, ExchangeScript.Recorded> recorded = new LinkedHashMap<>();
    // a is rebuilt around 20 s; b and c go away at 25 s: after that only a's new database has data
    recorded.put("a", script.record("a", 5_000, List.of(DeduplicatorTest.window(19, 21)), 0));
    recorded.put("b", script.record("b", 6_000, List.of(DeduplicatorTest.window(25, 1_000)), 0));
    recorded.put("c", script.record("c", 7_000, List.of(DeduplicatorTest.window(25, 1_000)), 0));
    try (DedicatedPostgres serverA = DedicatedPostgres.open()) {
      TestDatabase a = serverA.createDatabase();
      burnTransactionIds(a, 3_000); // the old cluster is well ahead of a fresh one
      Fixture.prepareGatherer(a);
      Fixture.load(a, recorded.get("a"), Long.MIN_VALUE, replacedAt);
      Map<String, TestDatabase> gatherers = new LinkedHashMap<>();
      gatherers.put("a", a);
      for (String g : List.of("b", "c")) {
        TestDatabase db = Fixture.gathererDatabase();
        Fixture.load(db, recorded.get(g), Long.MIN_VALUE, Long.MAX_VALUE);
        gatherers.put(g, db);
      }
      TestDatabase production = SharedPostgres.createDatabase();
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      Fixture.TestClock clock = new Fixture.TestClock(script.endMicros() + 5_000_000);
      try (Deduplicator d =
          Deduplicator.open(Fixture.config(production, gatherers), clock, meters)) {
        Runs.untilDecided(d, ExchangeScript.t(16));
        String oldId = databaseId(production);
        long cursor = tradeCursorTxid(production);

        replaceCluster(serverA, a);
        Fixture.prepareGatherer(a);
        Fixture.load(a, recorded.get("a"), replacedAt, Long.MAX_VALUE);
        try (Connection c = a.connect()) {
          assertThat(Fixture.rows(c, "SELECT max(txid::text::bigint) < " + cursor + " FROM trades"))
              .as("the new database's positions are all below the saved cursor")
              .containsExactly("t");
        }

        Runs.untilDecided(d, script.endMicros());
        assertThat(databaseId(production)).isNotEqualTo(oldId);
        assertThat(
                meters.get("kdp.dedup.gatherer.database.replaced").counters().stream()
                    .map(m -> m.getId().getTag("source") + "=" + (long) m.count())
                    .sorted()
                    .toList())
            .containsExactly("metadata=1", "timeseries=1");
      }
      try (Connection c = production.connect()) {
        assertThat(Fixture.rows(c, "SELECT trade_id FROM trades ORDER BY trade_id"))
            .as("every trade once: the new database's read from its start, none twice")
            .isEqualTo(script.tradeIds().stream().sorted().toList());
        assertThat(Fixture.rows(c, "SELECT * FROM coverage WHERE gatherer IS NULL")).isEmpty();
        assertThat(
                Fixture.rows(
                    c,
                    "SELECT DISTINCT gatherer FROM coverage WHERE window_end >"
                        + " kdp_micros("
                        + ExchangeScript.t(26)
                        + ")"))
            .containsExactly("a");
        DeduplicatorTest.assertBooksEqualTruth(script, c);
      }
    }
  }

  private static void burnTransactionIds(TestDatabase db, int n) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (int i = 0; i < n; i++) {
        s.execute("SELECT pg_current_xact_id()");
      }
    }
  }

  /** Stops the server, throws its cluster away, starts a fresh one with the same database name. */
  private static void replaceCluster(DedicatedPostgres server, TestDatabase db) throws Exception {
    server.stop();
    Path dir = server.dataDirectory();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.start();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + server.port() + "/postgres", "postgres", null);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db.name());
    }
  }

  private static String databaseId(TestDatabase production) throws Exception {
    try (Connection c = production.connect()) {
      return Fixture.rows(
              c,
              "SELECT database_id FROM sync_sources WHERE gatherer = 'a' AND source ="
                  + " 'timeseries'")
          .getFirst();
    }
  }

  private static long tradeCursorTxid(TestDatabase production) throws Exception {
    try (Connection c = production.connect()) {
      return Long.parseLong(
          Fixture.rows(
                  c,
                  "SELECT txid::text FROM sync_cursors WHERE gatherer = 'a' AND table_name ="
                      + " 'trades'")
              .getFirst());
    }
  }
}
