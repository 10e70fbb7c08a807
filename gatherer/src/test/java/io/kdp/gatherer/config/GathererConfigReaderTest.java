package io.kdp.gatherer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.gatherer.config.GathererConfig.Connections;
import io.kdp.gatherer.config.GathererConfig.Database;
import io.kdp.gatherer.config.GathererConfig.Environment;
import io.kdp.gatherer.config.GathererConfig.Exchange;
import io.kdp.gatherer.config.GathererConfig.Intervals;
import io.kdp.gatherer.config.GathererConfig.Journal;
import io.kdp.gatherer.config.GathererConfig.Queues;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GathererConfigReaderTest {

  @TempDir Path dir;

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("gatherer.conf"), text);
  }

  @Test
  void anEmptyFileGivesEveryDocumentedDefault() throws IOException {
    GathererConfig config = GathererConfigReader.read(file(""), Map.of());

    Database db = new Database("jdbc:postgresql://127.0.0.1:5432/kdp_gatherer", "kdp", null);
    assertThat(config)
        .isEqualTo(
            new GathererConfig(
                "a",
                new Exchange(
                    Environment.PRODUCTION,
                    URI.create("https://external-api.kalshi.com/trade-api/v2"),
                    URI.create("wss://external-api-ws.kalshi.com/trade-api/ws/v2"),
                    "",
                    null,
                    RateTier.BASIC),
                db,
                db,
                new Journal(
                    Path.of("data/journal"),
                    64L << 20,
                    Duration.ofHours(1),
                    Duration.ofDays(7),
                    65536,
                    100_000_000),
                new Connections(
                    250,
                    8,
                    32,
                    Duration.ofSeconds(30),
                    Duration.ofMillis(500),
                    Duration.ofSeconds(30)),
                new Intervals(
                    Duration.ofSeconds(60),
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(7),
                    Duration.ofSeconds(60)),
                new Queues(65536, 10000, Duration.ofMillis(200)),
                8780));
  }

  @Test
  void demoTakesKalshisDemoHosts() throws IOException {
    Exchange exchange =
        GathererConfigReader.read(file("kdp.gatherer.exchange.environment = demo"), Map.of())
            .exchange();

    assertThat(exchange.restUrl())
        .isEqualTo(URI.create("https://external-api.demo.kalshi.co/trade-api/v2"));
    assertThat(exchange.wsUrl())
        .isEqualTo(URI.create("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2"));
  }

  @Test
  void aCustomExchangeWithAKeyAndSecretsKeepsTheSecretsOutOfToString() throws IOException {
    Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nSECRETKEY");
    Path pw = Files.writeString(dir.resolve("pw"), "hunter2\nignored");
    GathererConfig config =
        GathererConfigReader.read(
            file(
                """
                kdp.gatherer {
                  id = "b"
                  exchange {
                    environment = custom
                    rest-url = "http://127.0.0.1:8700/trade-api/v2"
                    ws-url = "ws://127.0.0.1:8700/trade-api/ws/v2"
                    api-key-id = "0b7e-key"
                    private-key-file = "%s"
                    rate-tier = premier
                  }
                  databases.timeseries.password-file = "%s"
                }
                """
                    .formatted(key, pw)),
            Map.of());

    assertThat(config.exchange())
        .isEqualTo(
            new Exchange(
                Environment.CUSTOM,
                URI.create("http://127.0.0.1:8700/trade-api/v2"),
                URI.create("ws://127.0.0.1:8700/trade-api/ws/v2"),
                "0b7e-key",
                new SecretFile(key),
                RateTier.PREMIER));
    assertThat(config.exchange().signed()).isTrue();
    assertThat(config.timeseries().password()).isEqualTo("hunter2");
    assertThat(config.exchange().privateKeyFile().read()).contains("SECRETKEY");
    assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("SECRETKEY");
  }

  @Test
  void environmentVariablesOverrideTheFile() throws IOException {
    GathererConfig config =
        GathererConfigReader.read(
            file("kdp.gatherer { id = \"b\", admin.port = 9000 }"),
            Map.of(
                "KDP_GATHERER_ID", "c",
                "KDP_TIMESERIES_DB_URL", "jdbc:postgresql://db:5432/ts",
                "PATH", "/bin",
                "kdp.gatherer.id", "ignored"));

    assertThat(config.gathererId()).isEqualTo("c");
    assertThat(config.timeseries().url()).isEqualTo("jdbc:postgresql://db:5432/ts");
    assertThat(config.metadata().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/kdp_gatherer");
    assertThat(config.adminPort()).isEqualTo(9000);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          exchange.environment = staging | kdp.gatherer.exchange.environment: must be one of production | demo | custom, got "staging"
          id = "Gatherer A" | kdp.gatherer.id: must match [a-z0-9-]{1,32}, got "Gatherer A"
          connections.markets-per-subscription = 0 | kdp.gatherer.connections.markets-per-subscription: must be between 1 and 100000, got 0
          intervals.status = soon | kdp.gatherer.intervals.status:
          intervals.events = 0s | kdp.gatherer.intervals.events: must be a positive duration, got PT0S
          journal.dri = "/tmp" | kdp.gatherer.journal.dri: unknown key
          exchange.environment = custom | kdp.gatherer.exchange.rest-url: must not be empty
          exchange.api-key-id = k1 | kdp.gatherer.exchange.private-key-file: required when exchange.api-key-id is set
          exchange.private-key-file = /nonexistent/key.pem | kdp.gatherer.exchange.private-key-file: not a readable file: /nonexistent/key.pem
          databases.metadata.url = "postgres://x" | kdp.gatherer.databases.metadata.url: must be a jdbc:postgresql: URL, got "postgres://x"
          admin.port = 70000 | kdp.gatherer.admin.port: must be between 0 and 65535, got 70000
          connections.reconnect-max-backoff = 1ms | kdp.gatherer.connections.reconnect-max-backoff: must not be below reconnect-min-backoff
          """)
  void aBadValueIsRefusedNamingItsKey(String line, String message) throws IOException {
    Path f = file("kdp.gatherer." + line.strip());

    assertThatThrownBy(() -> GathererConfigReader.read(f, Map.of()))
        .isInstanceOf(GathererConfigException.class)
        .hasMessageStartingWith(message.strip());
  }

  @Test
  void aCustomUrlWithTheWrongSchemeIsRefused() throws IOException {
    Path f =
        file(
            """
            kdp.gatherer.exchange { environment = custom, rest-url = "http://h/x", ws-url = "http://h/ws" }
            """);

    assertThatThrownBy(() -> GathererConfigReader.read(f, Map.of()))
        .hasMessage(
            "kdp.gatherer.exchange.ws-url: must be an absolute ws/wss URL, got \"http://h/ws\"");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("none.conf");

    assertThatThrownBy(() -> GathererConfigReader.read(missing, Map.of()))
        .hasMessage("configuration file not found: " + missing);
  }
}
