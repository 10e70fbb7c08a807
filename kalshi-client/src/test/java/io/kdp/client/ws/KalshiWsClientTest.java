package io.kdp.client.ws;

import static io.kdp.client.ws.WsConnectionState.BACKOFF;
import static io.kdp.client.ws.WsConnectionState.CLOSED;
import static io.kdp.client.ws.WsConnectionState.CONNECTING;
import static io.kdp.client.ws.WsConnectionState.LIVE;
import static io.kdp.client.ws.WsConnectionState.SUBSCRIBING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.auth.KalshiSigner;
import io.kdp.client.auth.PemKeys;
import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real client against a real, scripted Jetty WebSocket server on port 0. */
@Timeout(60)
class KalshiWsClientTest {

  static final String M1 = "KXHIGHNY-26MAY01-T60", M2 = "KXHIGHNY-26MAY01-T61";

  final RecordingEvents events = new RecordingEvents();
  final RecordingEvents.ManualClock clock = new RecordingEvents.ManualClock();
  ScriptedWsServer server;
  KalshiWsClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedWsServer(publicKey());
    KalshiSigner signer =
        new KalshiSigner(
            "test-key-id", PemKeys.readRsaPrivateKey(key("test-only-pkcs8.pem")), clock);
    WsClientConfig config =
        WsClientConfig.defaults(server.uri(), signer)
            .withClock(clock)
            .withIdle(Duration.ofSeconds(30), Duration.ofMillis(20))
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200), new Random(7))
            .withCommandTimeout(Duration.ofSeconds(5));
    client = KalshiWsClient.open(config, null, events, events);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  @Test
  void subscribesGoesLiveAndDeliversSnapshotThenDeltasInOrder() {
    WsSubscription book = client.subscribe("orderbook_delta", List.of(M1));
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    ScriptedWsServer.Conn c = server.connection(0);
    assertThat(c.keyId).isEqualTo("test-key-id");
    assertThat(c.commands.get(0).toString())
        .isEqualTo(
            "{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],"
                + "\"market_tickers\":[\""
                + M1
                + "\"]}}");
    c.send(snapshot(1, 1));
    c.send(delta(1, 2, "-5.00"));
    c.send(delta(1, 3, "7.00"));
    await("3 messages").atMost(Duration.ofSeconds(10)).until(() -> events.messages.size() == 3);
    assertThat(events.messages)
        .isEqualTo(
            List.of(
                new OrderbookSnapshot(
                    1,
                    1,
                    0,
                    M1,
                    null,
                    List.of(new Level(420_000, 1_300)),
                    List.of(),
                    KalshiWsMessage.NO_TIME),
                new OrderbookDelta(1, 2, M1, null, 420_000, -500, Side.YES, 1_000_000, null, null),
                new OrderbookDelta(1, 3, M1, null, 420_000, 700, Side.YES, 1_000_000, null, null)));
    assertThat(events.states).isEqualTo(List.of(CONNECTING, SUBSCRIBING, LIVE));
    assertThat(events.journal).hasSize(4); // subscribed + 3 data frames, journaled as received
    assertThat(client.markets(book)).isEqualTo(List.of(M1));
  }

  @Test
  void serverDropMeansBackoffReconnectResignAndResubscribeWithTheDesiredMarkets() throws Exception {
    WsSubscription book = client.subscribe("orderbook_delta", List.of(M1));
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    assertThat(client.addMarkets(book, List.of(M2)).get().id()).isEqualTo(2);
    clock.advanceSeconds(1); // a fresh signature timestamp on reconnect
    server.connection(0).session.disconnect();
    await("second connection live")
        .atMost(Duration.ofSeconds(10))
        .until(() -> server.connections.size() == 2 && client.state() == LIVE);
    ScriptedWsServer.Conn second = server.connection(1);
    assertThat(second.timestamp).isNotEqualTo(server.connection(0).timestamp);
    assertThat(second.commands.get(0).at("/params/market_tickers").toString())
        .isEqualTo("[\"" + M1 + "\",\"" + M2 + "\"]");
    assertThat(events.states)
        .isEqualTo(List.of(CONNECTING, SUBSCRIBING, LIVE, BACKOFF, CONNECTING, SUBSCRIBING, LIVE));
    second.send(delta(1, 1, "1.00"));
    await().atMost(Duration.ofSeconds(10)).until(() -> events.messageConnections.contains(2L));
  }

  @Test
  void gapIsReportedWithTheMarketsAndDuplicatesAreDropped() {
    client.subscribe("orderbook_delta", List.of(M1, M2));
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    ScriptedWsServer.Conn c = server.connection(0);
    for (long seq : new long[] {1, 2, 2, 5, 6, 4}) {
      c.send(delta(1, seq, "1.00"));
    }
    await("journal").atMost(Duration.ofSeconds(10)).until(() -> events.journal.size() == 7);
    await().atMost(Duration.ofSeconds(10)).until(() -> events.messages.size() == 4);
    assertThat(events.messages.stream().map(m -> ((OrderbookDelta) m).seq()).toList())
        .isEqualTo(List.of(1L, 2L, 5L, 6L));
    assertThat(events.gaps)
        .isEqualTo(
            List.of(
                new SequenceGap(
                    1,
                    1,
                    "orderbook_delta",
                    3,
                    5,
                    List.of(M1, M2),
                    RecordingEvents.micros(clock))));
    assertThat(client.stats().duplicates()).isEqualTo(2);
  }

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
  void getSnapshotIsCorrelatedAndCloseIsNotADrop() throws Exception {
    WsSubscription book = client.subscribe("orderbook_delta", List.of(M1));
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    var reply = client.getSnapshot(book, List.of(M1)).get();
    JsonNode cmd = server.connection(0).commands.get(1);
    assertThat(cmd.toString())
        .isEqualTo(
            "{\"id\":2,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[1],"
                + "\"market_tickers\":[\""
                + M1
                + "\"],\"action\":\"get_snapshot\"}}");
    assertThat(reply.id()).isEqualTo(2);
    client.close();
    assertThat(client.state()).isEqualTo(CLOSED);
    assertThat(events.states).isEqualTo(List.of(CONNECTING, SUBSCRIBING, LIVE, CLOSED));
    assertThat(server.connections).hasSize(1);
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
  void aBadSignatureIsRefusedAndRetriedWithBackoffUntilClosed() throws Exception {
    client.close();
    events.states.clear();
    KalshiSigner wrongKey =
        new KalshiSigner(
            "test-key-id",
            java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate(),
            clock);
    client =
        KalshiWsClient.open(
            WsClientConfig.defaults(server.uri(), wrongKey)
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40), new Random(1)),
            null,
            events,
            events);
    client.start();
    await("three refused attempts")
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.stats().connects() >= 3);
    assertThat(server.connections).isEmpty();
    assertThat(events.states.subList(0, 4))
        .isEqualTo(List.of(CONNECTING, BACKOFF, CONNECTING, BACKOFF));
    client.close();
    assertThat(client.state()).isEqualTo(CLOSED);
  }

  @Test
  void marketsChangedWhileTheSubscribeIsInFlightAreSentAsAnUpdate() {
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    server.script =
        (conn, cmd) -> {
          if (cmd.get("cmd").asText().equals("subscribe")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> hold.getCount() == 0);
          }
          conn.acknowledge(cmd);
        };
    WsSubscription book = client.subscribe("orderbook_delta", List.of(M1));
    client.start();
    await("subscribe sent")
        .atMost(Duration.ofSeconds(10))
        .until(() -> server.connections.size() == 1 && client.state() == SUBSCRIBING);
    assertThat(client.addMarkets(book, List.of(M2)).join()).isNull();
    hold.countDown();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    ScriptedWsServer.Conn c = server.connection(0);
    await("update").atMost(Duration.ofSeconds(10)).until(() -> c.commands.size() == 2);
    assertThat(c.commands.get(1).toString())
        .isEqualTo(
            "{\"id\":2,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[1],"
                + "\"market_tickers\":[\""
                + M2
                + "\"],\"action\":\"add_markets\"}}");
  }

  KalshiSigner signer() {
    try {
      return new KalshiSigner(
          "test-key-id", PemKeys.readRsaPrivateKey(key("test-only-pkcs8.pem")), clock);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String snapshot(int sid, long seq) {
    return "{\"type\":\"orderbook_snapshot\",\"sid\":%d,\"seq\":%d,\"msg\":{\"market_ticker\":\"%s\",\"yes_dollars_fp\":[[\"0.4200\",\"13.00\"]]}}"
        .formatted(sid, seq, M1);
  }

  static String delta(int sid, long seq, String size) {
    return "{\"type\":\"orderbook_delta\",\"sid\":%d,\"seq\":%d,\"msg\":{\"market_ticker\":\"%s\",\"price_dollars\":\"0.4200\",\"delta_fp\":\"%s\",\"side\":\"yes\",\"ts_ms\":1000}}"
        .formatted(sid, seq, M1, size);
  }

  static Path key(String name) throws Exception {
    return Path.of(KalshiWsClientTest.class.getResource("/keys/" + name).toURI());
  }

  static PublicKey publicKey() throws Exception {
    String pem = Files.readString(key("test-only-public.pem"));
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "");
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(b64)));
  }
}
