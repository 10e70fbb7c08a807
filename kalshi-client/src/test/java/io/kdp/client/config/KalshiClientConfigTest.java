package io.kdp.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KalshiClientConfigTest {

  @TempDir Path dir;

  @Test
  void environmentsCarryKalshisDocumentedUrls() {
    assertThat(KalshiEnvironment.PRODUCTION.restBaseUrl())
        .isEqualTo(URI.create("https://external-api.kalshi.com/trade-api/v2"));
    assertThat(KalshiEnvironment.PRODUCTION.webSocketUrl())
        .isEqualTo(URI.create("wss://external-api-ws.kalshi.com/trade-api/ws/v2"));
    assertThat(KalshiEnvironment.DEMO.restBaseUrl())
        .isEqualTo(URI.create("https://external-api.demo.kalshi.co/trade-api/v2"));
    assertThat(KalshiEnvironment.DEMO.webSocketUrl())
        .isEqualTo(URI.create("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2"));
    assertThat(KalshiEnvironment.localhost(8700))
        .isEqualTo(
            new KalshiEnvironment(
                "custom",
                URI.create("http://127.0.0.1:8700/trade-api/v2"),
                URI.create("ws://127.0.0.1:8700/trade-api/ws/v2")));
    assertThat(KalshiEnvironment.custom(URI.create("https://sim.example:9443")).webSocketUrl())
        .isEqualTo(URI.create("wss://sim.example:9443/trade-api/ws/v2"));
    assertThat(KalshiEnvironment.custom(URI.create("http://127.0.0.1:8700/trade-api/v2")))
        .isEqualTo(KalshiEnvironment.localhost(8700));
    assertThatThrownBy(() -> KalshiEnvironment.custom(URI.create("http://127.0.0.1:8700/api")))
        .hasMessage(
            "custom host takes no path (the client adds /trade-api/v2): http://127.0.0.1:8700/api");
    assertThat(KalshiEnvironment.PRODUCTION.restPath("/markets/orderbooks"))
        .isEqualTo("/trade-api/v2/markets/orderbooks");
  }

  @Test
  void readsAFullConfiguration() throws Exception {
    Path key = Files.writeString(dir.resolve("k.pem"), "pem");
    KalshiClientConfig config =
        KalshiClientConfig.fromMap(
            Map.of(
                "kalshi.environment", "demo",
                "kalshi.api-key-id", "abc-123",
                "kalshi.private-key-file", key.toString(),
                "kalshi.rate-limit-tier", "Premier"),
            "kalshi.");
    assertThat(config)
        .isEqualTo(
            new KalshiClientConfig(
                KalshiEnvironment.DEMO,
                Optional.of(new ApiCredentials("abc-123", key)),
                RateLimitTier.PREMIER));
  }

  @Test
  void customHostAndCustomTier() {
    KalshiClientConfig config =
        KalshiClientConfig.fromMap(
            Map.of(
                "environment", "custom",
                "host", "http://127.0.0.1:8700",
                "rate-limit-tier", "custom",
                "read-per-second", "1000",
                "write-per-second", "5"),
            "");
    assertThat(config)
        .isEqualTo(
            new KalshiClientConfig(
                KalshiEnvironment.localhost(8700),
                Optional.empty(),
                new RateLimitTier("custom", 1000, 5)));
    assertThat(KalshiClientConfig.fromMap(Map.of("environment", "production"), "").rateLimit())
        .isEqualTo(RateLimitTier.BASIC);
  }

  @Test
  void badValuesNameTheirKey() throws Exception {
    assertBad(Map.of(), "k.environment", "k.environment: missing");
    assertBad(
        Map.of("k.environment", "staging"),
        "k.environment",
        "k.environment: \"staging\" is not one of production, demo, custom");
    assertBad(Map.of("k.environment", "custom"), "k.host", "k.host: missing");
    assertBad(
        Map.of("k.environment", "custom", "k.host", "ftp://x"),
        "k.host",
        "k.host: not an http(s)://host:port URL: \"ftp://x\"");
    assertBad(
        Map.of("k.environment", "demo", "k.api-key-id", "abc"),
        "k.private-key-file",
        "k.private-key-file: missing, but api-key-id is set");
    Path missing = dir.resolve("nope.pem");
    assertBad(
        Map.of(
            "k.environment",
            "demo",
            "k.api-key-id",
            "abc",
            "k.private-key-file",
            missing.toString()),
        "k.private-key-file",
        "k.private-key-file: no such file: " + missing);
    assertBad(
        Map.of("k.environment", "demo", "k.rate-limit-tier", "gold"),
        "k.rate-limit-tier",
        "k.rate-limit-tier: unknown rate-limit tier \"gold\" (basic, advanced, premier, prime) or custom");
    assertBad(
        Map.of("k.environment", "demo", "k.rate-limit-tier", "custom", "k.read-per-second", "0"),
        "k.read-per-second",
        "k.read-per-second: \"0\" is not a positive integer");
  }

  private static void assertBad(Map<String, String> values, String key, String message) {
    assertThatThrownBy(() -> KalshiClientConfig.fromMap(values, "k."))
        .isInstanceOfSatisfying(
            KalshiConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
        .hasMessage(message);
  }
}
