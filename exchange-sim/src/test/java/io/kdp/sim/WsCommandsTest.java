package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every WebSocket command and error code, the heartbeat, the market cap and the upgrade auth. */
@Timeout(60)
class WsCommandsTest {

  @TempDir Path dir;

  private SimFixture fixture(int marketCap, Duration ping) throws Exception {
    SimConfig config =
        SimConfig.defaults(dir)
            .withWorld(SimFixture.fastWorld(8, 300, 4))
            .withWebSocket(marketCap, 10_000, ping);
    SimFixture f = new SimFixture(config);
    f.run(Duration.ofSeconds(3), Duration.ofMillis(50));
    return f;
  }

  @Test
  void subscribeUpdateListUnsubscribe() throws Exception {
    try (SimFixture f = fixture(100, Duration.ofSeconds(10));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      List<String> t = WsProtocolTest.openTickers(f, 3);
      int sub =
          ws.send(
              "subscribe",
              "{\"channels\":[\"orderbook_delta\",\"ticker\"],\"market_ticker\":\""
                  + t.get(0)
                  + "\"}");
      assertThat(ws.json().stream().filter(n -> n.path("id").asInt() == sub).count())
          .isLessThanOrEqualTo(3);
      JsonNode first = ws.reply(sub, "subscribed");
      assertThat(first.toString())
          .isEqualTo(
              "{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}");
      ws.await(
          "ticker sid 2",
          n ->
              n.toString()
                  .equals(
                      "{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"ticker\",\"sid\":2}}"));

      int add =
          ws.send(
              "update_subscription",
              "{\"sids\":[1],\"market_tickers\":[\""
                  + t.get(1)
                  + "\",\""
                  + t.get(2)
                  + "\"],\"action\":\"add_markets\"}");
      JsonNode ok = ws.reply(add, "ok");
      assertThat(ok.path("sid").asInt()).isEqualTo(1);
      assertThat(ok.path("seq").asLong()).isEqualTo(3);
      assertThat(ok.path("msg").path("market_tickers"))
          .containsExactly(
              KalshiJson.mapper().valueToTree(t.get(0)),
              KalshiJson.mapper().valueToTree(t.get(1)),
              KalshiJson.mapper().valueToTree(t.get(2)));

      int del =
          ws.send(
              "update_subscription",
              "{\"sid\":1,\"market_tickers\":[\""
                  + t.get(0)
                  + "\"],\"action\":\"delete_markets\"}");
      assertThat(ws.reply(del, "ok").path("msg").path("market_tickers")).hasSize(2);

      int snap =
          ws.send(
              "update_subscription",
              "{\"sid\":1,\"market_tickers\":[\"" + t.get(1) + "\"],\"action\":\"get_snapshot\"}");
      JsonNode again = ws.reply(snap, "orderbook_snapshot");
      assertThat(again.path("sid").asInt()).isEqualTo(1);
      assertThat(again.path("msg").path("market_ticker").asText()).isEqualTo(t.get(1));

      int list = ws.send("list_subscriptions", null);
      assertThat(ws.reply(list, "ok").path("msg").toString())
          .isEqualTo(
              "[{\"channel\":\"orderbook_delta\",\"sid\":1},{\"channel\":\"ticker\",\"sid\":2}]");

      int unsub = ws.send("unsubscribe", "{\"sids\":[2]}");
      JsonNode gone = ws.reply(unsub, "unsubscribed");
      assertThat(gone.path("sid").asInt()).isEqualTo(2);
      int list2 = ws.send("list_subscriptions", null);
      assertThat(ws.reply(list2, "ok").path("msg")).hasSize(1);

      int next = ws.send("subscribe", "{\"channels\":[\"trade\"]}");
      assertThat(ws.reply(next, "subscribed").path("msg").path("sid").asInt()).isEqualTo(3);
      WsProtocolTest.assertFramesMatchAsyncApi(ws);
    }
  }

  @Test
  void everyErrorCodeKalshiDefinesForTheseCommands() throws Exception {
    try (SimFixture f = fixture(2, Duration.ofSeconds(10));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      List<String> t = WsProtocolTest.openTickers(f, 3);
      ws.sendRaw("not json");
      ws.await("error 1", n -> n.path("msg").path("code").asInt() == 1);
      assertThat(Admin.status(f.sim)).contains("\"malformed_commands\":1");
      assertError(ws, ws.send("subscribe", null), 2);
      assertError(ws, ws.send("subscribe", "{}"), 3);
      assertError(ws, ws.send("subscribe", "{\"channels\":[\"nope\"]}"), 8);
      assertError(ws, ws.send("subscribe", "{\"channels\":[\"orderbook_delta\"]}"), 14);
      assertError(
          ws,
          ws.send(
              "subscribe",
              "{\"channels\":[\"orderbook_delta\"],\"market_tickers\":"
                  + WsProtocolTest.json(t)
                  + "}"),
          26);
      assertError(ws, ws.send("unsubscribe", "{}"), 4);
      assertError(ws, ws.send("unsubscribe", "{\"sids\":[99]}"), 7);
      assertError(ws, ws.send("frobnicate", "{}"), 5);
      int sub =
          ws.send(
              "subscribe",
              "{\"channels\":[\"orderbook_delta\"],\"market_tickers\":[\"" + t.get(0) + "\"]}");
      ws.reply(sub, "subscribed");
      assertError(
          ws,
          ws.send(
              "subscribe",
              "{\"channels\":[\"orderbook_delta\"],\"market_tickers\":[\"" + t.get(0) + "\"]}"),
          6);
      assertError(
          ws, ws.send("update_subscription", "{\"sids\":[1,2],\"action\":\"add_markets\"}"), 12);
      assertError(ws, ws.send("update_subscription", "{\"sid\":1,\"market_tickers\":[\"X\"]}"), 15);
      assertError(
          ws,
          ws.send(
              "update_subscription",
              "{\"sid\":1,\"market_tickers\":[\"X\"],\"action\":\"explode\"}"),
          13);
      assertError(ws, ws.send("update_subscription", "{\"sid\":1,\"action\":\"add_markets\"}"), 14);
      assertError(
          ws,
          ws.send(
              "update_subscription",
              "{\"sid\":1,\"action\":\"add_markets\",\"market_tickers\":"
                  + WsProtocolTest.json(t)
                  + "}"),
          26);
      assertError(
          ws,
          ws.send(
              "update_subscription",
              "{\"sid\":5,\"action\":\"add_markets\",\"market_tickers\":[\"X\"]}"),
          7);
      WsProtocolTest.assertFramesMatchAsyncApi(ws);
    }
  }

  @Test
  void serverPingsWithHeartbeatPayload() throws Exception {
    try (SimFixture f = fixture(10, Duration.ofMillis(200));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .alias("two heartbeat pings")
          .until(
              () -> {
                synchronized (ws.recorder.pings) {
                  return ws.recorder.pings.size() >= 2;
                }
              });
      synchronized (ws.recorder.pings) {
        assertThat(ws.recorder.pings).allMatch("heartbeat"::equals);
      }
    }
  }

  @Test
  void unsignedOrForeignUpgradeIsRefused() throws Exception {
    try (SimFixture f = fixture(10, Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> new WsTestClient(f.sim.wsUri(), null).close())
          .hasStackTraceContaining("401");
      var wrongPath =
          (io.kdp.client.auth.RequestSigner)
              (m, p) -> f.sim.signer().sign(m, "/trade-api/v2/markets");
      assertThatThrownBy(() -> new WsTestClient(f.sim.wsUri(), wrongPath).close())
          .hasStackTraceContaining("401");
    }
  }

  private static void assertError(WsTestClient ws, int id, int code) {
    JsonNode e = ws.reply(id, "error");
    assertThat(e.path("msg").path("code").asInt()).as("error for command %d", id).isEqualTo(code);
  }
}
