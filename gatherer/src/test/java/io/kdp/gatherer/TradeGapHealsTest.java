package io.kdp.gatherer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.sim.fault.FaultSpec;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seq numbers skipped on the trade stream: the missed trades are back-filled from REST and the
 * {@code sequence_gaps} rows of those gaps are closed once the back-fill is stored, so no gap row
 * stays open for a stream that was healed.
 */
@Timeout(240)
class TradeGapHealsTest {

  @TempDir Path dir;

  @Test
  void aTradeStreamGapIsBackFilledAndItsGapRowClosed() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (SimExchange exchange = new SimExchange(dir, 6, 300);
        Gatherer gatherer =
            Gatherer.open(exchange.config("a", db), InstantSource.system()).start()) {
      await("trades arriving")
          .atMost(Duration.ofSeconds(90))
          .until(() -> Books.tradesFrom(db, "ws") >= 30);
      await("a gap on a stream without markets (trade or lifecycle)")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(300))
          .until(
              () -> {
                exchange.sim.faults().apply(FaultSpec.parse("skip-seq=3"));
                return channelGaps(db, "true") > 0;
              });
      exchange.sim.faults().clear();
      await("every gap row closed: trade gaps by the back-fill, book gaps by snapshots")
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(openGaps(db)).isEmpty());
      assertThat(channelGaps(db, "recovered_at >= detected_at")).isEqualTo(channelGaps(db, "true"));
      assertThat(Books.tradesFrom(db, "rest")).isPositive();

      exchange.freeze();

      exchange.assertRecordedCompletely(db, "a", gatherer.connections().bookMarkets());
    }
  }

  /** The open gap rows, described (what a failure shows). */
  private static java.util.List<String> openGaps(TestDatabase db) throws Exception {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (java.sql.Connection c = db.connect();
        java.sql.ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT connection_id || ' sid ' || sid || ' seq ' || expected_seq || '->'"
                        + " || received_seq || ' ' || markets::text || ' at ' || detected_at"
                        + " FROM sequence_gaps WHERE recovered_at IS NULL ORDER BY gap_id")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Gap rows of streams without markets (trade, lifecycle) matching {@code where}. */
  private static long channelGaps(TestDatabase db, String where) throws Exception {
    return Books.count(
        db,
        "SELECT count(*) FROM sequence_gaps WHERE cardinality(markets) = 0 AND (" + where + ")");
  }
}
