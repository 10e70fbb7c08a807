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

/**
 * The simulator on port 0, stepped by a test thread every 5 ms so a test can {@link #freeze()} the
 * exchange and compare a gatherer database with its ground truth.
 */
final class SimExchange implements AutoCloseable {

  final ExchangeSimulator sim;
  private final ScheduledExecutorService stepper = Executors.newSingleThreadScheduledExecutor();
  private final Path dir;

  SimExchange(Path dir, int markets, double rate) throws Exception {
    this(dir, markets, rate, 1000);
  }

  /** As above, refusing more than {@code wsMarketCap} markets on one subscription (error 26). */
  SimExchange(Path dir, int markets, double rate, int wsMarketCap) throws Exception {
    this.dir = dir;
    SimConfig defaults = SimConfig.defaults(dir.resolve("sim"));
    sim =
        ExchangeSimulator.start(
            defaults
                .withWorld(WorldParams.defaults(markets, rate, 7))
                .withWebSocket(wsMarketCap, defaults.wsQueueFrames(), defaults.pingInterval())
                .withClock(InstantSource.system(), false));
    stepper.scheduleAtFixedRate(sim::step, 5, 5, TimeUnit.MILLISECONDS);
  }

  /** A gatherer configuration for this exchange and database. */
  GathererConfig config(String id, TestDatabase db) {
    return GathererConfigReader.from(ConfigFactory.parseString(hocon(id, db)), Map.of());
  }

  /** The same configuration as a HOCON file's text (for a gatherer in a child JVM). */
  String hocon(String id, TestDatabase db) {
    return """
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
          queues.batch-max-delay = 50 ms
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
  }

  /** Trades the exchange has made so far. */
  int tradeCount() {
    return sim.world().read(() -> sim.world().tape().trades().size());
  }

  /** Stops the exchange moving: no more trades or book changes from here on. */
  void freeze() throws InterruptedException {
    stepper.shutdown();
    assertThat(stepper.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * After {@link #freeze()}: the gatherer database holds every exchange trade exactly once, and
   * every one of {@code markets} replays (latest WS snapshot + later deltas) to the exchange's
   * book.
   */
  void assertRecordedCompletely(TestDatabase db, String gatherer, List<String> markets) {
    Set<String> expected =
        sim.world()
            .read(
                () ->
                    sim.world().tape().trades().stream()
                        .map(TradeRecord::tradeId)
                        .collect(Collectors.toSet()));
    await("every exchange trade stored once")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<String> stored = Books.storedTradeIds(db, gatherer);
              assertThat(Set.copyOf(stored)).isEqualTo(expected);
              assertThat(stored).hasSameSizeAs(expected);
            });
    assertThat(markets).isNotEmpty();
    await("every book replays to the exchange's")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (String market : markets) {
                Map<Side, List<Level>> truth =
                    sim.world()
                        .read(
                            () -> {
                              MarketState m = sim.world().market(market);
                              return Map.of(
                                  Side.YES, m.book.levels(Side.YES, 0),
                                  Side.NO, m.book.levels(Side.NO, 0));
                            });
                assertThat(Books.replay(db, market)).as(market).isEqualTo(truth);
              }
            });
  }

  @Override
  public void close() throws Exception {
    stepper.shutdownNow();
    sim.close();
  }
}
