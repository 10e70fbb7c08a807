package io.kdp.client.ws;

import static io.kdp.client.ws.WsConnectionState.BACKOFF;
import static io.kdp.client.ws.WsConnectionState.CLOSED;
import static io.kdp.client.ws.WsConnectionState.CONNECTING;
import static io.kdp.client.ws.WsConnectionState.LIVE;
import static io.kdp.client.ws.WsConnectionState.SUBSCRIBING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's normal life against a scripted Jetty server: live, reconnect, gaps, commands. */
@Timeout(60)
class KalshiWsClientTest extends ScriptedServerTestBase {

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

  @Test
  void alreadySubscribedCountsAsAcknowledgedAndBindsTheSidTheServerLists() throws Exception {
    server.script =
        (conn, cmd) -> {
          int id = cmd.get("id").asInt();
          switch (cmd.get("cmd").asText()) {
            case "subscribe" ->
                conn.send(
                    "{\"id\":%d,\"type\":\"error\",\"msg\":{\"code\":6,\"msg\":\"Already subscribed\"}}"
                        .formatted(id));
            case "list_subscriptions" ->
                conn.send(
                    "{\"id\":%d,\"type\":\"ok\",\"msg\":[{\"channel\":\"orderbook_delta\",\"sid\":7}]}"
                        .formatted(id));
            default -> conn.acknowledge(cmd);
          }
        };
    WsSubscription book = client.subscribe("orderbook_delta", List.of(M1));
    client.start();
    await("live").atMost(Duration.ofSeconds(10)).until(() -> client.state() == LIVE);
    await("sid looked up")
        .atMost(Duration.ofSeconds(10))
        .until(() -> server.connection(0).commands.size() == 2);
    await("bound")
        .atMost(Duration.ofSeconds(10))
        .until(() -> client.getSnapshot(book, List.of(M1)).handle((r, e) -> e == null).get());
    assertThat(server.connection(0).commands.get(2).toString())
        .isEqualTo(
            "{\"id\":3,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[7],"
                + "\"market_tickers\":[\""
                + M1
                + "\"],\"action\":\"get_snapshot\"}}");
    assertThat(events.states).isEqualTo(List.of(CONNECTING, SUBSCRIBING, LIVE));
    assertThat(client.markets(book)).isEqualTo(List.of(M1));
    server.connection(0).send(delta(7, 2, "2.00"));
    await("delta on the bound sid")
        .atMost(Duration.ofSeconds(10))
        .until(() -> events.messages.size() == 1);
    assertThat(events.gaps).isEmpty();
  }
}
