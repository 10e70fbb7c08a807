package io.kdp.gatherer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.client.ws.WsConnectionState;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exchange whose per-subscription market cap (2) is below the configured one (5): Kalshi's error
 * 26 lowers the gatherer's cap and the refused markets are subscribed elsewhere, so every market's
 * book is still recorded exactly.
 */
@Timeout(240)
class SubscriptionMarketLimitTest {

  @TempDir Path dir;

  @Test
  void error26LowersTheCapAndEveryMarketIsStillSubscribedSomewhere() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (SimExchange exchange = new SimExchange(dir, 12, 300, 2);
        Gatherer gatherer =
            Gatherer.open(exchange.config("a", db), InstantSource.system()).start()) {
      await("every market book-subscribed within the exchange's cap")
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  gatherer.connections().bookMarkets().size() == 12
                      && gatherer.connections().marketsPerSubscription() <= 2
                      && gatherer.connections().states().values().stream()
                          .allMatch(s -> s == WsConnectionState.LIVE));
      List<String> markets = gatherer.connections().bookMarkets();
      await("trades arriving")
          .atMost(Duration.ofSeconds(60))
          .until(() -> Books.tradesFrom(db, "ws") >= 50);

      exchange.freeze();

      exchange.assertRecordedCompletely(db, "a", markets);
      assertThat(gatherer.connections().marketsPerSubscription()).isBetween(1, 2);
      assertThat(
              gatherer
                  .metrics()
                  .registry()
                  .find("kdp.gatherer.malformed.frames")
                  .tag("reason", "market_limit_exceeded")
                  .counter()
                  .count())
          .isPositive();
    }
  }
}
