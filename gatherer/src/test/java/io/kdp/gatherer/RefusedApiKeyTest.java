package io.kdp.gatherer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import io.kdp.client.ws.WsConnectionState;
import io.kdp.gatherer.config.GathererConfigException;
import io.kdp.gatherer.config.GathererConfigReader;
import io.kdp.sim.fault.FaultSpec;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key the exchange refuses on the WebSocket upgrade is a configuration error, not an outage: at
 * start-up the gatherer stops with a message naming the key id; a key revoked while running turns
 * the connections {@code FAILED} and {@code /health} down, with no reconnect loop.
 */
@Timeout(180)
class RefusedApiKeyTest {

  @TempDir Path dir;

  @Test
  void aPrivateKeyThatIsNotTheKeyIdsStopsTheStartNamingTheKeyId() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (SimExchange exchange = new SimExchange(dir, 4, 100)) {
      byte[] foreign =
          KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded();
      Path wrongKey = dir.resolve("wrong-key.pem");
      Files.writeString(
          wrongKey,
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(foreign)
              + "\n-----END PRIVATE KEY-----\n");
      String hocon =
          exchange
              .hocon("a", db)
              .replace(exchange.sim.privateKeyFile().toString(), wrongKey.toString());
      var config = GathererConfigReader.from(ConfigFactory.parseString(hocon), Map.of());
      String keyId = exchange.sim.keyId();
      assertThatThrownBy(() -> Gatherer.open(config, InstantSource.system()).start())
          .isInstanceOf(GathererConfigException.class)
          .hasMessageStartingWith(
              "exchange.api-key-id \""
                  + keyId
                  + "\" refused by the exchange: WebSocket upgrade refused for API key id "
                  + keyId
                  + ": GET /trade-api/ws/v2 -> HTTP 401. Check the API key id")
          .message()
          .doesNotContain(Base64.getEncoder().encodeToString(foreign).substring(0, 40));
    }
  }

  @Test
  void aKeyRevokedWhileRunningFailsTheConnectionsAndTheHealthWithoutAReconnectLoop()
      throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    try (SimExchange exchange = new SimExchange(dir, 4, 100);
        Gatherer gatherer =
            Gatherer.open(exchange.config("a", db), InstantSource.system()).start()) {
      await("healthy").atMost(Duration.ofSeconds(60)).until(() -> gatherer.health().live());
      String keyId = exchange.sim.keyId();
      exchange.sim.faults().apply(FaultSpec.parse("revoke-key=" + keyId + ",disconnect"));
      await("every connection failed")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  gatherer.connections().states().values().stream()
                      .allMatch(s -> s == WsConnectionState.FAILED));
      var health = gatherer.health();
      assertThat(health.live()).isFalse();
      assertThat((String) health.details().get("exchange_key"))
          .startsWith(
              "refused: WebSocket upgrade refused for API key id "
                  + keyId
                  + ": GET /trade-api/ws/v2 -> HTTP 401.");
      double reconnects = reconnects(gatherer);
      await("no reconnect loop")
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(10))
          .until(() -> reconnects(gatherer) == reconnects);
    }
  }

  private static double reconnects(Gatherer g) {
    return g.metrics().registry().find("kdp.gatherer.reconnects").counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }
}
