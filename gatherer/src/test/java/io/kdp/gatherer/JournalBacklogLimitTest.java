package io.kdp.gatherer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import io.kdp.gatherer.config.GathererConfig;
import io.kdp.gatherer.config.GathererConfigReader;
import io.kdp.testkit.DedicatedPostgres;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journal.max-backlog-frames}: with the database down, the journal fills to its limit, the
 * gatherer then stops reading from the exchange (no connection, no more frames journaled, {@code
 * /health} says why) instead of growing the journal or deleting any of it; once the database is
 * back and the backlog loaded, it reads again, back-fills the trades it missed and resubscribes
 * every book, so nothing the exchange traded is lost and every book replays.
 */
@Timeout(300)
class JournalBacklogLimitTest {

  private static final String STOPPED = "stopped: journal backlog at its limit";

  @TempDir Path dir;

  @Test
  void aFullJournalStopsReadingAndNothingIsLostOnceTheDatabaseIsBack() throws Exception {
    try (DedicatedPostgres pg = DedicatedPostgres.open();
        SimExchange exchange = new SimExchange(dir, 8, 300)) {
      TestDatabase db = pg.createDatabase();
      GathererConfig config =
          GathererConfigReader.from(
              ConfigFactory.parseString(
                  exchange.hocon("a", db) + "kdp.gatherer.journal.max-backlog-frames = 400\n"),
              Map.of());
      try (Gatherer gatherer = Gatherer.open(config, InstantSource.system()).start()) {
        await().atMost(Duration.ofSeconds(90)).until(() -> Books.tradesFrom(db, "ws") >= 50);
        assertThat(gatherer.health().details()).containsEntry("reading", "on");

        pg.stop();
        await("reading stopped at the backlog limit")
            .atMost(Duration.ofSeconds(90))
            .until(
                () ->
                    STOPPED.equals(gatherer.health().details().get("reading"))
                        && gatherer.connections().states().isEmpty());
        long atLimit = gatherer.routing().backlog();
        assertThat(atLimit).isBetween(400L, 2_000L);
        int atStop = exchange.tradeCount();
        await("the exchange trading while the gatherer does not read")
            .atMost(Duration.ofSeconds(90))
            .until(() -> exchange.tradeCount() >= atStop + 50);
        assertThat(gatherer.routing().backlog()).isEqualTo(atLimit);
        assertThat(gatherer.health().live()).isFalse();

        pg.start();
        await("loaded, reading again and live")
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    gatherer.health().live()
                        && gatherer.connections().states().size() > 3
                        && Books.tradesFrom(db, "rest") > 0);
        exchange.freeze();

        exchange.assertRecordedCompletely(db, "a", gatherer.connections().bookMarkets());
        assertThat(gatherer.health().details()).containsEntry("reading", "on");
      }
    }
  }
}
