package io.kdp.gatherer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.sim.world.TradeRecord;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gatherer in its own JVM, killed with SIGKILL while frames stream in (journal segment torn,
 * batches in flight), then started again on the same journal and database: the trades the exchange
 * made while no gatherer ran are back-filled over REST, every exchange trade is stored exactly
 * once, and every market's stored book replays to the exchange's.
 */
@Timeout(300)
class GathererKilledMidStreamTest {

  @TempDir Path dir;
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aKilledGathererRestartsWithNothingLostOrDoubled() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (SimExchange exchange = new SimExchange(dir, 8, 300)) {
      Path config = dir.resolve("gatherer.conf");
      Files.writeString(config, exchange.hocon("a", db));

      Process first = child(config, "first");
      await("the first gatherer streaming trades and book changes")
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  Books.tradesFrom(db, "ws") >= 50
                      && Books.count(db, "SELECT count(*) FROM orderbook_deltas") >= 200);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).isEqualTo(137);
      int downFrom = exchange.tradeCount();
      await("the exchange trading while no gatherer runs")
          .atMost(Duration.ofSeconds(90))
          .until(() -> exchange.tradeCount() >= downFrom + 50);
      int downTo = exchange.tradeCount();
      Instant restart = Instant.now();

      child(config, "second");
      await("the second gatherer subscribed to every book")
          .atMost(Duration.ofSeconds(120))
          .until(() -> marketsSnapshottedSince(db, restart).size() == 8);
      long wsAtRestart = Books.tradesFrom(db, "ws");
      await("live trades after the restart")
          .atMost(Duration.ofSeconds(90))
          .until(() -> Books.tradesFrom(db, "ws") >= wsAtRestart + 20);
      exchange.freeze();

      exchange.assertRecordedCompletely(db, "a", marketsSnapshottedSince(db, restart));
      Set<String> downWindow =
          exchange
              .sim
              .world()
              .read(
                  () ->
                      exchange.sim.world().tape().trades().subList(downFrom, downTo).stream()
                          .map(TradeRecord::tradeId)
                          .collect(java.util.stream.Collectors.toSet()));
      assertThat(downWindow).hasSize(downTo - downFrom);
      assertThat(restTradeIds(db)).containsAll(downWindow);
    }
  }

  private Process child(Path config, String name) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                GathererChild.class.getName(),
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    children.add(p);
    Path log = dir.resolve(name + ".log");
    await(name + " gatherer started")
        .atMost(Duration.ofSeconds(120))
        .until(() -> Files.readString(log).lines().anyMatch("started"::equals) || !p.isAlive());
    assertThat(p.isAlive()).as(name + " gatherer alive; its output is in " + log).isTrue();
    return p;
  }

  private static List<String> marketsSnapshottedSince(TestDatabase db, Instant since)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT market FROM orderbook_snapshots"
                    + " WHERE source = 'ws' AND received_at > ? ORDER BY market")) {
      ps.setTimestamp(1, Timestamp.from(since));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  private static List<String> restTradeIds(TestDatabase db) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT trade_id FROM trades WHERE source = 'rest'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
