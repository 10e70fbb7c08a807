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
 * Book connections that go silent — no frame, no ping — while the gatherer process stays alive and
 * keeps routing: the process watermark goes on, each connection's own watermark stays at its last
 * sign of life, so the deduplicator cannot take the silence for a quiet book.
 */
@Timeout(180)
class SilentBookConnectionTest {

  private static final String OPEN_CONNECTIONS_NEWEST =
      "SELECT coalesce(max((extract(epoch FROM complete_through) * 1000000)::bigint), 0) FROM"
          + " connection_watermarks WHERE gatherer = 'a' AND NOT closed";
  private static final String PROCESS =
      "SELECT coalesce((extract(epoch FROM complete_through) * 1000000)::bigint, 0) FROM"
          + " stream_watermarks WHERE gatherer = 'a'";

  @TempDir Path dir;

  @Test
  void aSilentConnectionsWatermarkStopsWhileTheProcessWatermarkGoesOn() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (SimExchange exchange = new SimExchange(dir, 6, 300);
        Gatherer gatherer =
            Gatherer.open(exchange.config("a", db), InstantSource.system()).start()) {
      await("book deltas stored")
          .atMost(Duration.ofSeconds(90))
          .until(() -> Books.count(db, "SELECT count(*) FROM orderbook_deltas") >= 200);
      await("book connections with a watermark")
          .atMost(Duration.ofSeconds(30))
          .until(() -> Books.count(db, OPEN_CONNECTIONS_NEWEST) > 0);

      exchange.sim.faults().apply(FaultSpec.parse("stop-pings"));
      exchange.freeze();
      long silentFrom = System.currentTimeMillis() * 1000;
      await("the process watermark 3 s past the silence")
          .atMost(Duration.ofSeconds(30))
          .until(() -> Books.count(db, PROCESS) > silentFrom + 3_000_000);

      long connections = Books.count(db, OPEN_CONNECTIONS_NEWEST);
      assertThat(connections)
          .as("no open book connection is asserted complete into its silence")
          .isLessThan(silentFrom + 1_000_000);
      assertThat(Books.count(db, PROCESS)).isGreaterThan(connections + 3_000_000);
      assertThat(gatherer.routing().live()).isTrue();
    }
  }
}
