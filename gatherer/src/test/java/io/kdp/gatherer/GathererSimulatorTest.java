package io.kdp.gatherer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import io.kdp.client.model.Side;
import io.kdp.client.ws.message.Level;
import io.kdp.gatherer.config.GathererConfig;
import io.kdp.gatherer.config.GathererConfigReader;
import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.SimConfig;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.TradeRecord;
import io.kdp.sim.world.WorldParams;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One gatherer against the simulator on port 0 and an embedded PostgreSQL: after the exchange stops
 * moving, the database holds every simulator trade exactly once, and each book-subscribed market's
 * stored snapshot plus deltas replay to the simulator's book.
 */
@Timeout(180)
class GathererSimulatorTest {

  @TempDir Path dir;
  ExchangeSimulator sim;
  ScheduledExecutorService stepper;
  TestDatabase db;
  Gatherer gatherer;

  @BeforeEach
  void start() throws Exception {
    SimConfig simConfig =
        SimConfig.defaults(dir.resolve("sim"))
            .withWorld(WorldParams.defaults(12, 300, 7))
            .withClock(InstantSource.system(), false);
    sim = ExchangeSimulator.start(simConfig);
    stepper = Executors.newSingleThreadScheduledExecutor();
    stepper.scheduleAtFixedRate(sim::step, 5, 5, TimeUnit.MILLISECONDS);
    db = SharedPostgres.createDatabase();
    gatherer = Gatherer.open(config("a"), InstantSource.system()).start();
  }

  GathererConfig config(String id) {
    String hocon =
        """
        kdp.gatherer {
          id = "%s"
          exchange {
            environment = custom
            rest-url = "%s"
            ws-url = "%s"
            api-key-id = "%s"
            private-key-file = "%s"
            rate-tier = prime
          }
          databases.timeseries { url = "%s", user = "postgres" }
          databases.metadata { url = "%s", user = "postgres" }
          journal.dir = "%s"
          connections { markets-per-subscription = 5, subscriptions-per-connection = 2 }
          intervals { status = 1 s, events = 30 s, reconciliation = 5 s, snapshot-poll = 2 s }
          admin.port = 0
        }
        """
            .formatted(
                id,
                sim.restBase(),
                sim.wsUri(),
                sim.keyId(),
                sim.privateKeyFile(),
                db.jdbcUrl(),
                db.jdbcUrl(),
                dir.resolve("journal-" + id));
    return GathererConfigReader.from(ConfigFactory.parseString(hocon), Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    if (stepper != null) {
      stepper.shutdownNow();
    }
    if (gatherer != null) {
      gatherer.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  @Test
  void everyTradeIsStoredOnceAndEveryBookReplaysToTheExchangesBook() throws Exception {
    await("trades flowing into the gatherer database")
        .atMost(Duration.ofSeconds(60))
        .until(() -> Books.tradesFrom(db, "ws") >= 100);
    stepper.shutdown();
    assertThat(stepper.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

    Set<String> expected =
        sim.world()
            .read(
                () ->
                    sim.world().tape().trades().stream()
                        .map(TradeRecord::tradeId)
                        .collect(Collectors.toSet()));
    await("every simulator trade stored")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(Set.copyOf(Books.storedTradeIds(db, "a"))).isEqualTo(expected));
    assertThat(Books.storedTradeIds(db, "a")).hasSameSizeAs(expected);

    List<String> markets = gatherer.connections().bookMarkets();
    assertThat(markets).isNotEmpty();
    await("every book replays to the simulator's")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (String market : markets) {
                Map<Side, List<Level>> truth =
                    sim.world()
                        .read(
                            () -> {
                              MarketState m = sim.world().market(market);
                              return Map.of(
                                  Side.YES,
                                  m.book.levels(Side.YES, 0),
                                  Side.NO,
                                  m.book.levels(Side.NO, 0));
                            });
                assertThat(Books.replay(db, market)).as(market).isEqualTo(truth);
              }
            });
  }
}
