package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.auth.KalshiSigner;
import io.kdp.client.auth.RequestSigner;
import io.kdp.client.auth.TestKeys;
import io.kdp.client.config.ApiCredentials;
import io.kdp.client.config.KalshiClientConfig;
import io.kdp.client.config.KalshiEnvironment;
import io.kdp.client.config.RateLimitTier;
import io.kdp.client.rest.ScriptedKalshiServer.Reply;
import io.kdp.client.rest.wire.ExchangeStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REST client over real sockets against a scripted Jetty server: 429 with {@code Retry-After},
 * 503 and a dropped connection are retried; 401 and 404 fail at once with typed exceptions. The
 * sleeper records waits instead of sleeping.
 */
@Timeout(30)
class RestRetryOverSocketTest {

  static final String STATUS = "/trade-api/v2/exchange/status";
  static final String OK_STATUS =
      "{\"exchange_active\":true,\"trading_active\":false,\"exchange_estimated_resume_time\":null}";
  static final RetryPolicy POLICY =
      new RetryPolicy(
          4,
          Duration.ofMillis(200),
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          Duration.ofSeconds(60));

  ScriptedKalshiServer server;
  KalshiRestClient client;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final RestCallCounts counts = new RestCallCounts();
  final Instant now = Instant.parse("2026-11-25T16:00:00Z");

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedKalshiServer();
    KalshiClientConfig config =
        new KalshiClientConfig(
            KalshiEnvironment.localhost(server.port()),
            Optional.of(new ApiCredentials("test-key", TestKeys.pkcs1())),
            RateLimitTier.custom(1000, 1000));
    RestTransport.Settings settings =
        new RestTransport.Settings(
            POLICY,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            counts,
            InstantSource.fixed(now),
            sleeps::add,
            new SplittableRandom(7));
    client =
        KalshiRestClient.open(
            config, new RateLimiterRegistry(TokenBucket::perSecond), settings, null);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void rateLimitThenServerErrorThenSuccess() throws Exception {
    server.script(
        STATUS,
        new Reply(429, Map.of("Retry-After", "2"), "{\"error\":{\"code\":\"too_many_requests\"}}"),
        Reply.json(503, "{\"exchange_active\":false,\"trading_active\":false}"),
        Reply.json(200, OK_STATUS));
    assertThat(client.exchangeStatus()).isEqualTo(new ExchangeStatus(true, false, null));
    assertThat(server.seen).hasSize(3);
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).as("Retry-After honoured").isEqualTo(Duration.ofSeconds(2));
    assertThat(sleeps.get(1))
        .as("jittered backoff 2")
        .isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    assertThat(counts.snapshot()).isEqualTo(new RestCallCounts.Snapshot(3, 1, 2, 0));
  }

  @Test
  void everyAttemptIsSignedAfreshOverThePathWithoutQuery() throws Exception {
    server.script(
        "/trade-api/v2/markets/orderbooks",
        Reply.DROP,
        Reply.json(
            200,
            "{\"orderbooks\":[{\"ticker\":\"A\",\"orderbook_fp\":{\"yes_dollars\":[[\"0.4200\",\"13.00\"]],\"no_dollars\":[]}}]}"));
    List<RestOrderbook> books = client.orderbooks(List.of("A", "B.1"));
    assertThat(books)
        .containsExactly(
            new RestOrderbook(
                "A", List.of(new io.kdp.client.ws.message.Level(420_000, 1_300)), List.of()));
    assertThat(server.seen).hasSize(2);
    for (ScriptedKalshiServer.Seen s : server.seen) {
      assertThat(s.query()).isEqualTo("tickers=A&tickers=B.1");
      assertThat(s.kalshiHeaders().get(RequestSigner.KEY_HEADER)).isEqualTo("test-key");
      assertThat(s.kalshiHeaders().get(RequestSigner.TIMESTAMP_HEADER))
          .isEqualTo(String.valueOf(now.toEpochMilli()));
      assertThat(
              TestKeys.verify(
                  KalshiSigner.PSS,
                  now.toEpochMilli() + "GET/trade-api/v2/markets/orderbooks",
                  s.kalshiHeaders().get(RequestSigner.SIGNATURE_HEADER)))
          .isTrue();
    }
    assertThat(counts.snapshot()).isEqualTo(new RestCallCounts.Snapshot(2, 0, 1, 0));
  }

  @Test
  void aResponseThatNeverComesTimesOutAndIsRetried() throws Exception {
    server.script(STATUS, Reply.HANG, Reply.json(200, OK_STATUS));
    RestTransport.Settings quick =
        new RestTransport.Settings(
            POLICY,
            Duration.ofMillis(300),
            Duration.ofSeconds(5),
            counts,
            InstantSource.fixed(now),
            sleeps::add,
            new SplittableRandom(7));
    try (KalshiRestClient impatient =
        KalshiRestClient.open(
            KalshiClientConfig.anonymous(KalshiEnvironment.localhost(server.port())),
            new RateLimiterRegistry(TokenBucket::perSecond),
            quick,
            null)) {
      assertThat(impatient.exchangeStatus()).isEqualTo(new ExchangeStatus(true, false, null));
    }
    assertThat(server.seen).hasSize(2);
    assertThat(counts.snapshot()).isEqualTo(new RestCallCounts.Snapshot(2, 0, 1, 0));
  }

  @Test
  void unauthorizedFailsAtOnceAndSaysWhatToCheck() {
    server.script(
        STATUS,
        Reply.json(
            401, "{\"error\":{\"code\":\"invalid_signature\",\"message\":\"bad signature\"}}"));
    assertThatThrownBy(client::exchangeStatus)
        .isInstanceOfSatisfying(
            KalshiAuthException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.errorCode()).isEqualTo("invalid_signature");
            })
        .hasMessageStartingWith(
            "GET /trade-api/v2/exchange/status -> HTTP 401 (Kalshi: invalid_signature: bad signature). Check the API key id");
    assertThat(server.seen).hasSize(1);
    assertThat(sleeps).isEmpty();
    assertThat(counts.snapshot()).isEqualTo(new RestCallCounts.Snapshot(1, 0, 0, 1));
  }

  @Test
  void notFoundIsTypedWithKalshisCode() {
    server.script(
        "/trade-api/v2/markets/NOPE-1",
        Reply.json(
            404,
            "{\"code\":\"market_not_found\",\"message\":\"market not found\",\"service\":\"exchange\"}"));
    assertThatThrownBy(() -> client.market("NOPE-1"))
        .isInstanceOfSatisfying(
            KalshiNotFoundException.class,
            e -> assertThat(e.errorMessage()).isEqualTo("market not found"));
    assertThat(server.seen).hasSize(1);
  }

  @Test
  void serverErrorsBeyondTheBudgetSurfaceAsUnavailable() {
    server.fallback(STATUS, r -> Reply.json(502, "<html>bad gateway</html>"));
    assertThatThrownBy(client::exchangeStatus)
        .isInstanceOf(KalshiUnavailableException.class)
        .hasMessage(
            "GET /trade-api/v2/exchange/status -> HTTP 502 (body: <html>bad gateway</html>); gave up after 4 attempts");
    assertThat(server.seen).hasSize(4);
    assertThat(sleeps).hasSize(3);
    assertThat(counts.snapshot()).isEqualTo(new RestCallCounts.Snapshot(4, 0, 3, 1));
  }

  @Test
  void aBodyThatDoesNotDecodeIsAProtocolError() {
    server.script(STATUS, Reply.json(200, "{\"exchange_active\": tru"));
    assertThatThrownBy(client::exchangeStatus)
        .isInstanceOf(KalshiProtocolException.class)
        .hasMessageStartingWith(
            "GET /trade-api/v2/exchange/status: response does not decode as ExchangeStatus");
  }
}
