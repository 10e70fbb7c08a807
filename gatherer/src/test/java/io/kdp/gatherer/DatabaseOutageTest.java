package io.kdp.gatherer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.testkit.DedicatedPostgres;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gatherer's PostgreSQL stopped mid-run for 60 s (the outage) and started again: frames
 * keep going to the journal while it is down, are loaded from the journal when it is back, and
 * nothing is lost or doubled.
 */
@Timeout(300)
class DatabaseOutageTest {

  private static final Duration OUTAGE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void nothingIsLostWhileTheDatabaseIsDown() throws Exception {
    try (DedicatedPostgres pg = DedicatedPostgres.open();
        SimExchange exchange = new SimExchange(dir, 8, 300)) {
      TestDatabase db = pg.createDatabase();
      try (Gatherer gatherer =
          Gatherer.open(exchange.config("a", db), InstantSource.system()).start()) {
        await().atMost(Duration.ofSeconds(90)).until(() -> Books.tradesFrom(db, "ws") >= 50);

        pg.stop();
        long stoppedAt = System.nanoTime();
        int atStop = exchange.tradeCount();
        await("the gatherer journaling only for 60 s while the exchange trades on")
            .atMost(Duration.ofSeconds(150))
            .until(
                () ->
                    System.nanoTime() - stoppedAt >= OUTAGE.toNanos()
                        && exchange.tradeCount() >= atStop + 150
                        && !gatherer.health().live()
                        && gatherer.routing().spilledFrames() > 100);
        pg.start();
        await("caught up from the journal")
            .atMost(Duration.ofSeconds(90))
            .until(() -> gatherer.health().live());
        exchange.freeze();

        exchange.assertRecordedCompletely(db, "a", gatherer.connections().bookMarkets());
        assertThat(gatherer.routing().spilledFrames()).isGreaterThan(100);
      }
    }
  }
}
