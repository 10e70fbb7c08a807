package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.auth.TestKeys;
import io.kdp.client.config.ApiCredentials;
import io.kdp.client.config.KalshiClientConfig;
import io.kdp.client.config.KalshiEnvironment;
import io.kdp.client.config.RateLimitTier;
import io.kdp.client.rest.ScriptedKalshiServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two clients built with the same API key share one token bucket (basic tier: 20 reads/s); a client
 * with another key has its own. The bucket's clock is fake and advanced by the waits.
 */
@Timeout(30)
class SharedRateLimitOverSocketTest {

  static final String STATUS = "/trade-api/v2/exchange/status";

  ScriptedKalshiServer server;
  final AtomicLong nanos = new AtomicLong();
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final RateLimiterRegistry registry =
      new RateLimiterRegistry(
          rate ->
              new TokenBucket(
                  rate,
                  rate,
                  nanos::get,
                  d -> {
                    waits.add(d);
                    nanos.addAndGet(d.toNanos());
                  }));

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedKalshiServer();
    server.fallback(
        STATUS, r -> Reply.json(200, "{\"exchange_active\":true,\"trading_active\":true}"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  KalshiRestClient client(String keyId, Duration maxWait) throws Exception {
    KalshiClientConfig config =
        new KalshiClientConfig(
            KalshiEnvironment.localhost(server.port()),
            Optional.of(new ApiCredentials(keyId, TestKeys.pkcs1())),
            RateLimitTier.BASIC);
    RestTransport.Settings d = RestTransport.Settings.defaults();
    RestTransport.Settings settings =
        new RestTransport.Settings(
            d.retry(),
            d.requestTimeout(),
            maxWait,
            d.metrics(),
            d.clock(),
            d.sleeper(),
            d.random());
    return KalshiRestClient.open(config, registry, settings, null);
  }

  @Test
  void clientsOfOneKeyShareItsBudget() throws Exception {
    try (KalshiRestClient a = client("key-a", Duration.ofSeconds(5));
        KalshiRestClient b = client("key-a", Duration.ofSeconds(5));
        KalshiRestClient other = client("key-b", Duration.ofSeconds(5))) {
      for (int i = 0; i < 10; i++) {
        a.exchangeStatus();
        b.exchangeStatus();
      }
      assertThat(waits).as("20 calls fit the burst of 20").isEmpty();
      a.exchangeStatus();
      b.exchangeStatus();
      assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50));
      for (int i = 0; i < 20; i++) {
        other.exchangeStatus();
      }
      assertThat(waits).as("another key has its own bucket").hasSize(2);
    }
    assertThat(server.seen).hasSize(42);
  }

  @Test
  void aCallerThatWouldWaitTooLongFailsWithoutSending() throws Exception {
    try (KalshiRestClient impatient = client("key-c", Duration.ofMillis(10))) {
      for (int i = 0; i < 20; i++) {
        impatient.exchangeStatus();
      }
      assertThatThrownBy(impatient::exchangeStatus)
          .isInstanceOf(KalshiRateLimitException.class)
          .hasMessage(
              "GET /trade-api/v2/exchange/status: local rate limit: no request slot within PT0.01S");
    }
    assertThat(server.seen).hasSize(20);
  }
}
