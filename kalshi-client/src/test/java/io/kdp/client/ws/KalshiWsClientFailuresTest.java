package io.kdp.client.ws;

import static io.kdp.client.ws.WsConnectionState.BACKOFF;
import static io.kdp.client.ws.WsConnectionState.CLOSED;
import static io.kdp.client.ws.WsConnectionState.CONNECTING;
import static io.kdp.client.ws.WsConnectionState.FAILED;
import static io.kdp.client.ws.WsConnectionState.LIVE;
import static io.kdp.client.ws.WsConnectionState.SUBSCRIBING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.auth.KalshiSigner;
import io.kdp.client.rest.KalshiAuthException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the client survives: silence, errors 25/26, bad frames, a throwing owner, a bad key. */
@Timeout(60)
class KalshiWsClientFailuresTest extends ScriptedServerTestBase {

  @Test
  void idleWatchdogOnTheInjectedClockReconnects() {
    client.subscribe("ticker", List.of());
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    clock.advanceSeconds(29);
    assertThat(client.state()).isEqualTo(LIVE);
    clock.advanceSeconds(2);
    await("reconnected")
        .atMost(Duration.ofSeconds(10))
        .until(() -> server.connections.size() == 2 && client.state() == LIVE);
    assertThat(client.stats().connects()).isEqualTo(2);
  }

  @Test
  void heartbeatPingsAreAnsweredAndCountAsLiveness() {
    client.subscribe("ticker", List.of());
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    ScriptedWsServer.Conn c = server.connection(0);
    for (int i = 0; i < 3; i++) {
      clock.advanceSeconds(20);
      c.ping("heartbeat");
      int pongs = i + 1;
      await("pong").atMost(Duration.ofSeconds(10)).until(() -> c.pongs.size() == pongs);
    }
    assertThat(c.pongs).isEqualTo(List.of("heartbeat", "heartbeat", "heartbeat"));
    await("heartbeats").atMost(Duration.ofSeconds(10)).until(() -> events.heartbeats.size() == 3);
    long first = events.heartbeats.getFirst()[0];
    assertThat(events.heartbeats.stream().map(h -> (h[0] - first) + "@" + h[1]).toList())
        .as("each ping handed to the owner with its receive time and connection")
        .isEqualTo(List.of("0@1", "20000000@1", "40000000@1"));
    assertThat(client.state()).isEqualTo(LIVE);
    assertThat(client.stats().connects()).isEqualTo(1);
  }

  @Test
  void error25ResubscribesAndError26AsksTheOwnerToShardFurther() {
    server.script =
        (conn, cmd) -> {
          if (cmd.at("/params/market_tickers").size() > 2) {
            conn.send(
                "{\"id\":%d,\"type\":\"error\",\"msg\":{\"code\":26,\"msg\":\"Subscription market limit exceeded\"}}"
                    .formatted(cmd.get("id").asInt()));
          } else {
            conn.acknowledge(cmd);
          }
        };
    WsSubscription small = client.subscribe("orderbook_delta", List.of(M1));
    WsSubscription big = client.subscribe("orderbook_delta", List.of("A", "B", "C"));
    client.start();
    await("shard").atMost(Duration.ofSeconds(10)).until(() -> events.shards.size() == 1);
    assertThat(events.shards)
        .isEqualTo(List.of(new RecordingEvents.Shard(big, List.of("A", "B", "C"), 26)));
    await("live without the big one")
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.state() == LIVE);
    assertThat(client.markets(big)).isEmpty();
    ScriptedWsServer.Conn c = server.connection(0);
    c.send(
        "{\"type\":\"error\",\"sid\":1,\"msg\":{\"code\":25,\"msg\":\"Subscription buffer overflow\"}}");
    await("resubscribed").atMost(Duration.ofSeconds(10)).until(() -> c.commands.size() == 3);
    JsonNode again = c.commands.get(2);
    assertThat(again.get("cmd").asText()).isEqualTo("subscribe");
    assertThat(again.at("/params/market_tickers").toString()).isEqualTo("[\"" + M1 + "\"]");
    await("live again").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    assertThat(client.markets(small)).isEqualTo(List.of(M1));
  }

  @Test
  void malformedFramesAndAThrowingListenerDoNotStopTheReader() throws Exception {
    RecordingEvents throwing =
        new RecordingEvents() {
          @Override
          public void onMessage(
              io.kdp.client.ws.message.ChannelMessage message, long at, long connection) {
            super.onMessage(message, at, connection);
            throw new IllegalStateException("listener bug");
          }
        };
    client.close();
    client =
        KalshiWsClient.open(
            WsClientConfig.defaults(server.uri(), signer()).withClock(clock),
            null,
            throwing,
            throwing);
    client.subscribe("orderbook_delta", List.of(M1));
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    ScriptedWsServer.Conn c = server.connection(0);
    c.send("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":");
    c.send(delta(1, 1, "1.00"));
    c.send("{\"type\":\"multivariate_lookup\",\"sid\":9,\"msg\":{}}");
    c.send(delta(1, 2, "2.00"));
    await("both deltas").atMost(Duration.ofSeconds(10)).until(() -> throwing.messages.size() == 2);
    assertThat(
            throwing.raw.stream().map(r -> r.type() + ": " + r.reason().split(" at ")[0]).toList())
        .isEqualTo(
            List.of(
                "orderbook_delta: malformed JSON: Unexpected end-of-input within/between Object entries",
                "multivariate_lookup: unknown type: multivariate_lookup"));
    assertThat(throwing.journal).hasSize(5);
    assertThat(client.stats().rawFrames()).isEqualTo(2);
  }

  @Test
  void aBadSignatureFailsAtOnceWithATypedSecretFreeErrorAndIsNeverRetried() throws Exception {
    client.close();
    events.states.clear();
    java.security.PrivateKey wrong =
        java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
    client =
        KalshiWsClient.open(
            WsClientConfig.defaults(server.uri(), new KalshiSigner("test-key-id", wrong, clock))
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40), new Random(1)),
            null,
            events,
            events);
    client.subscribe("ticker", List.of());
    client.start();
    await("failed").atMost(Duration.ofSeconds(10)).until(() -> client.state() == FAILED);
    await("no second attempt")
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> server.upgrades.get() == 1);
    assertThat(events.states).isEqualTo(List.of(CONNECTING, FAILED));
    assertThat(client.stats().connects()).isEqualTo(1);
    KalshiAuthException failure = client.failure();
    assertThat(events.failures).isEqualTo(List.of(failure));
    assertThat(failure.status()).isEqualTo(401);
    assertThat(failure.endpoint()).isEqualTo("GET /trade-api/ws/v2");
    assertThat(failure.getMessage())
        .startsWith(
            "WebSocket upgrade refused for API key id test-key-id: GET /trade-api/ws/v2 -> HTTP"
                + " 401. Check the API key id")
        .doesNotContain(java.util.Base64.getEncoder().encodeToString(wrong.getEncoded()))
        .doesNotContain("PRIVATE");
    client.close();
    assertThat(client.state()).isEqualTo(CLOSED);
  }

  @Test
  void a403OnTheUpgradeIsPermanentToo() {
    server.refusals.add(403);
    client.start();
    await("failed").atMost(Duration.ofSeconds(10)).until(() -> client.state() == FAILED);
    assertThat(client.failure().status()).isEqualTo(403);
    assertThat(client.failure().getMessage()).contains("the key's scope allows this call");
    assertThat(events.states).isEqualTo(List.of(CONNECTING, FAILED));
  }

  @Test
  void overloadedOrRateLimitedUpgradesBackOffAndThenConnect() {
    server.refusals.addAll(List.of(503, 429, 500));
    client.subscribe("ticker", List.of());
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    assertThat(events.states)
        .isEqualTo(
            List.of(
                CONNECTING,
                BACKOFF,
                CONNECTING,
                BACKOFF,
                CONNECTING,
                BACKOFF,
                CONNECTING,
                SUBSCRIBING,
                LIVE));
    assertThat(server.upgrades.get()).isEqualTo(4);
    assertThat(client.failure()).isNull();
    assertThat(events.failures).isEmpty();
  }
}
