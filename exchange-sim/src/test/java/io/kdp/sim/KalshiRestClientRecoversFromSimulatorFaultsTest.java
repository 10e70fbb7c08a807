package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.config.ApiCredentials;
import io.kdp.client.config.KalshiClientConfig;
import io.kdp.client.config.KalshiEnvironment;
import io.kdp.client.config.RateLimitTier;
import io.kdp.client.rest.KalshiRateLimitException;
import io.kdp.client.rest.KalshiRestClient;
import io.kdp.client.rest.KalshiUnavailableException;
import io.kdp.client.rest.MarketsQuery;
import io.kdp.client.rest.RateLimiterRegistry;
import io.kdp.client.rest.RestCallCounts;
import io.kdp.client.rest.RestTransport;
import io.kdp.client.rest.RetryPolicy;
import io.kdp.client.rest.Sleeper;
import io.kdp.client.rest.TokenBucket;
import io.kdp.client.rest.wire.ExchangeStatus;
import io.kdp.client.rest.wire.Market;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client recovers from the simulator's injected faults ({@code POST /sim/admin/faults}):
 * 429 with {@code Retry-After}, 5xx, the per-key read limit. The client's sleeper records each
 * wait, advances the simulator's clock by it and may re-arm the faults, so the sequence is exact
 * and nothing sleeps.
 */
@Timeout(60)
class KalshiRestClientRecoversFromSimulatorFaultsTest {

  @TempDir Path dir;
  SimFixture f;
  KalshiRestClient client;
  final RestCallCounts counts = new RestCallCounts();
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  /** Fault SPECs to arm, one per wait, in order. */
  final Queue<String> onWait = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() throws Exception {
    f = new SimFixture(dir, SimFixture.fastWorld(30, 200, 5));
    f.run(Duration.ofSeconds(20), Duration.ofMillis(100));
    Sleeper sleeper =
        d -> {
          waits.add(d);
          f.clock.advance(d);
          String next = onWait.poll();
          if (next != null) {
            assertThat(Admin.faults(f.sim, next).status()).isEqualTo(200);
          }
        };
    KalshiClientConfig config =
        new KalshiClientConfig(
            KalshiEnvironment.localhost(f.sim.port()),
            Optional.of(new ApiCredentials(f.sim.keyId(), f.sim.privateKeyFile())),
            RateLimitTier.custom(1000, 1000));
    client =
        KalshiRestClient.open(
            config,
            new RateLimiterRegistry(TokenBucket::perSecond),
            RestTransport.Settings.defaults().withMetrics(counts).withSleeper(sleeper),
            null);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    f.close();
  }

  @Test
  void rateLimitedWithRetryAfterThenServerErrorThenServed() {
    Admin.faults(f.sim, "http-429=1,retry-after=3");
    onWait.add("http-429=0,http-5xx=1");
    onWait.add("clear");
    ExchangeStatus status = client.exchangeStatus();
    assertThat(status.exchangeActive()).isTrue();
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).as("the simulator's Retry-After").isEqualTo(Duration.ofSeconds(3));
    assertThat(waits.get(1))
        .as("second backoff of the default policy, jittered")
        .isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(counts.snapshot()).isEqualTo(new RestCallCounts.Snapshot(3, 1, 2, 0));
  }

  @Test
  void aListingSurvivesFaultsMidWayAndStillSeesEveryMarketOnce() {
    List<String> expected =
        f.sim.world().read(() -> f.sim.world().markets().stream().map(m -> m.ticker).toList());
    List<String> seen = new ArrayList<>();
    client
        .markets(MarketsQuery.ALL.withLimit(5))
        .forEach(
            m -> {
              seen.add(m.ticker());
              if (seen.size() == 7) {
                Admin.faults(f.sim, "http-5xx=1");
                onWait.add("http-5xx=0,http-429=1,retry-after=1");
                onWait.add("clear");
              }
            });
    assertThat(seen).isEqualTo(expected);
    assertThat(waits).hasSize(2);
    assertThat(counts.snapshot().rateLimited()).isEqualTo(1);
  }

  @Test
  void thePerKeyReadLimitIsWaitedOut() {
    Admin.faults(f.sim, "rate-limit=5");
    List<Market> markets = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      markets.add(client.market(f.sim.world().read(() -> f.sim.world().markets().get(0).ticker)));
    }
    assertThat(markets).extracting(Market::ticker).hasSize(8).containsOnly(markets.get(0).ticker());
    assertThat(counts.snapshot().rateLimited()).as("the sixth call was refused once").isEqualTo(1);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void persistentFaultsEndInTypedExceptionsWithinTheBudget() {
    Admin.faults(f.sim, "http-5xx=1");
    assertThatThrownBy(client::exchangeStatus)
        .isInstanceOf(KalshiUnavailableException.class)
        .hasMessageContaining("gave up after " + RetryPolicy.DEFAULT.maxAttempts() + " attempts");
    assertThat(waits).hasSize(RetryPolicy.DEFAULT.maxAttempts() - 1);
    waits.clear();
    Admin.faults(f.sim, "http-5xx=0,http-429=1,retry-after=1");
    assertThatThrownBy(client::exchangeStatus)
        .isInstanceOf(KalshiRateLimitException.class)
        .hasMessageContaining("still rate limited after");
    assertThat(waits).containsOnly(Duration.ofSeconds(1));
  }
}
