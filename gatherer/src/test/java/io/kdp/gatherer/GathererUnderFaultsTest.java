package io.kdp.gatherer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.client.ws.WsConnectionState;
import io.kdp.sim.fault.FaultSpec;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator injects faults throughout a run — skipped seq numbers, duplicated frames, dropped
 * connections, error 25 (slow consumer), REST 429s and 5xx, then an exchange maintenance window —
 * and the gatherer still ends with every trade once and every book exact, every gap closed
 * (trade-stream gaps too, once back-filled).
 */
@Timeout(300)
class GathererUnderFaultsTest {

  @TempDir Path dir;

  @Test
  void everyTradeAndBookSurvivesTheFaults() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (SimExchange exchange = new SimExchange(dir, 8, 300);
        Gatherer gatherer =
            Gatherer.open(exchange.config("a", db), InstantSource.system()).start()) {
      await().atMost(Duration.ofSeconds(90)).until(() -> Books.tradesFrom(db, "ws") >= 50);

      exchange
          .sim
          .faults()
          .apply(
              FaultSpec.parse(
                  "skip-seq=2@1500ms,duplicate=2@1s,disconnect@5s,slow-consumer@7s,"
                      + "http-429=0.2,http-5xx=0.1"));
      int atFaults = exchange.tradeCount();
      await("the exchange trading under faults")
          .atMost(Duration.ofSeconds(120))
          .until(() -> exchange.tradeCount() >= atFaults + 400);
      exchange.sim.faults().clear();
      exchange.sim.faults().apply(FaultSpec.parse("maintenance=3s"));
      int atMaintenance = exchange.tradeCount();
      await("trading again after the maintenance window, every connection live")
          .atMost(Duration.ofSeconds(120))
          .until(
              () ->
                  exchange.tradeCount() >= atMaintenance + 100
                      && gatherer.health().live()
                      && gatherer.connections().states().values().stream()
                          .allMatch(s -> s == WsConnectionState.LIVE));
      exchange.freeze();

      exchange.assertRecordedCompletely(db, "a", gatherer.connections().bookMarkets());
      String scrape = gatherer.metrics().scrape();
      assertThat(scrape).containsPattern("kdp_gatherer_seq_gaps_total\\{[^}]*\\} [1-9]");
      assertThat(scrape).containsPattern("kdp_gatherer_reconnects_total\\{[^}]*\\} [1-9]");
      await("every gap closed: book gaps by a fresh snapshot, trade gaps by their back-fill")
          .atMost(Duration.ofSeconds(30))
          .until(() -> openGaps(db) == 0);
    }
  }

  private static long openGaps(TestDatabase db) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM sequence_gaps WHERE recovered_at IS NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
