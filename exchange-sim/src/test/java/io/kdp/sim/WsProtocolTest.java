package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channels through a real Jetty WebSocket client: frames valid against Kalshi's AsyncAPI,
 * snapshot then contiguous deltas that replay to the REST book, every trade, lifecycle that agrees
 * with REST status.
 */
@Timeout(60)
class WsProtocolTest {

  @TempDir Path dir;

  @Test
  void orderbookSnapshotThenContiguousDeltasReplayToTheRestBook() throws Exception {
    try (SimFixture f = new SimFixture(dir, SimFixture.fastWorld(10, 800, 5));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      f.run(Duration.ofSeconds(3), Duration.ofMillis(50));
      List<String> tickers = openTickers(f, 3);
      int id =
          ws.send(
              "subscribe",
              "{\"channels\":[\"orderbook_delta\"],\"market_tickers\":" + json(tickers) + "}");
      JsonNode subscribed = ws.reply(id, "subscribed");
      assertThat(subscribed.path("msg").path("channel").asText()).isEqualTo("orderbook_delta");
      int sid = subscribed.path("msg").path("sid").asInt();
      assertThat(sid).isEqualTo(1);
      f.run(Duration.ofSeconds(5), Duration.ofMillis(50));
      barrier(ws);

      Map<String, Map<String, TreeMap<Long, Long>>> books = new HashMap<>();
      long expectedSeq = 1;
      int deltas = 0;
      for (JsonNode n : ws.json()) {
        String type = n.path("type").asText();
        if (!type.startsWith("orderbook_")) {
          continue;
        }
        assertThat(n.path("sid").asInt()).isEqualTo(sid);
        assertThat(n.path("seq").asLong()).isEqualTo(expectedSeq++);
        JsonNode msg = n.path("msg");
        String t = msg.path("market_ticker").asText();
        if (type.equals("orderbook_snapshot")) {
          assertThat(books).doesNotContainKey(t);
          books.put(
              t,
              Map.of(
                  "yes",
                  levels(msg.path("yes_dollars_fp")),
                  "no",
                  levels(msg.path("no_dollars_fp"))));
        } else {
          assertThat(books).as("delta before snapshot").containsKey(t);
          TreeMap<Long, Long> side = books.get(t).get(msg.path("side").asText());
          long price = Dollars.parse(msg.path("price_dollars").asText());
          long size = side.getOrDefault(price, 0L) + Contracts.parse(msg.path("delta_fp").asText());
          assertThat(size).isNotNegative();
          if (size == 0) {
            side.remove(price);
          } else {
            side.put(price, size);
          }
          assertThat(msg.path("ts_ms").asLong()).isPositive();
          deltas++;
        }
      }
      assertThat(books.keySet()).containsExactlyInAnyOrderElementsOf(tickers);
      assertThat(deltas).isGreaterThan(10);
      Http http = f.http();
      for (String t : tickers) {
        JsonNode rest =
            KalshiJson.mapper()
                .readTree(http.ok("/markets/" + t + "/orderbook"))
                .path("orderbook_fp");
        assertThat(books.get(t).get("yes")).as(t).isEqualTo(levels(rest.path("yes_dollars")));
        assertThat(books.get(t).get("no")).as(t).isEqualTo(levels(rest.path("no_dollars")));
      }
      assertFramesMatchAsyncApi(ws);
    }
  }

  @Test
  void everyTradeTickerAndLifecycleEventArrivesAndAgreesWithRest() throws Exception {
    try (SimFixture f = new SimFixture(dir, SimFixture.fastWorld(8, 400, 9));
        WsTestClient ws = new WsTestClient(f.sim.wsUri(), f.sim.signer())) {
      int id =
          ws.send(
              "subscribe",
              "{\"channels\":[\"trade\",\"ticker\",\"market_lifecycle_v2\"],\"send_initial_snapshot\":true}");
      ws.reply(id, "subscribed");
      f.run(Duration.ofSeconds(90), Duration.ofMillis(100));
      barrier(ws);
      List<JsonNode> frames = ws.json();

      Set<String> wsTrades = new HashSet<>();
      Map<String, String> lastEvent = new HashMap<>();
      int tickers = 0;
      for (JsonNode n : frames) {
        switch (n.path("type").asText()) {
          case "trade" -> wsTrades.add(n.path("msg").path("trade_id").asText());
          case "ticker" -> {
            assertThat(n.has("seq")).isFalse();
            tickers++;
          }
          case "market_lifecycle_v2" ->
              lastEvent.put(
                  n.path("msg").path("market_ticker").asText(),
                  n.path("msg").path("event_type").asText());
          default -> {}
        }
      }
      Set<String> restTrades = new HashSet<>();
      f.sim
          .world()
          .locked(() -> f.sim.world().tape().trades().forEach(t -> restTrades.add(t.tradeId())));
      assertThat(wsTrades).isEqualTo(restTrades).isNotEmpty();
      assertThat(tickers).isGreaterThan(8);

      JsonNode markets =
          KalshiJson.mapper().readTree(f.http().ok("/markets?limit=1000")).path("markets");
      Set<String> seenTypes = new HashSet<>(lastEvent.values());
      assertThat(seenTypes).contains("settled", "activated");
      for (JsonNode m : markets) {
        String event = lastEvent.get(m.path("ticker").asText());
        assertThat(event).as("lifecycle for %s", m.path("ticker").asText()).isNotNull();
        String expected =
            switch (event) {
              case "created", "price_level_structure_updated", "metadata_updated" -> "initialized";
              case "activated", "close_date_updated" -> "active|closed";
              case "deactivated" -> "inactive|closed";
              case "determined" -> "determined";
              case "settled" -> "finalized";
              default -> throw new AssertionError(event);
            };
        assertThat(m.path("status").asText()).as(m.path("ticker").asText()).matches(expected);
      }
      assertFramesMatchAsyncApi(ws);
    }
  }

  /** list_subscriptions as a barrier: its reply follows every frame sent before it. */
  static void barrier(WsTestClient ws) {
    int id = ws.send("list_subscriptions", null);
    ws.reply(id, "ok");
  }

  static void assertFramesMatchAsyncApi(WsTestClient ws) {
    SpecSchemas spec = SpecSchemas.asyncApi();
    Set<String> types = new HashSet<>();
    for (String frame : ws.frames()) {
      JsonNode n;
      try {
        n = KalshiJson.mapper().readTree(frame);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      String type = n.path("type").asText();
      types.add(type);
      if (type.equals("event_fee_update")) {
        assertThat(n.path("msg").path("event_ticker").asText()).isNotEmpty();
        continue; // the stored AsyncAPI copy predates event_fee_update: no schema to check
      }
      String schema =
          switch (type) {
            case "orderbook_snapshot" -> "orderbookSnapshotPayload";
            case "orderbook_delta" -> "orderbookDeltaPayload";
            case "ticker" -> "tickerPayload";
            case "trade" -> "tradePayload";
            case "market_lifecycle_v2" -> "marketLifecycleV2Payload";
            case "event_lifecycle" -> "eventLifecyclePayload";
            case "subscribed" -> "subscribedResponsePayload";
            case "unsubscribed" -> "unsubscribedResponsePayload";
            case "ok" ->
                n.path("msg").isArray() ? "listSubscriptionsResponsePayload" : "okResponsePayload";
            case "error" -> "errorResponsePayload";
            default -> throw new AssertionError("unexpected type " + type);
          };
      spec.assertValid(schema, frame);
    }
    assertThat(types).isNotEmpty();
  }

  static List<String> openTickers(SimFixture f, int n) {
    return f.sim
        .world()
        .read(
            () -> {
              List<String> out = new ArrayList<>();
              for (var m : f.sim.world().markets()) {
                if (m.status().isOpen() && out.size() < n) {
                  out.add(m.ticker);
                }
              }
              return out;
            });
  }

  static String json(List<String> tickers) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < tickers.size(); i++) {
      sb.append(i == 0 ? "\"" : ",\"").append(tickers.get(i)).append('"');
    }
    return sb.append(']').toString();
  }

  private static TreeMap<Long, Long> levels(JsonNode arr) {
    TreeMap<Long, Long> out = new TreeMap<>();
    for (JsonNode l : arr) {
      out.put(Dollars.parse(l.get(0).asText()), Contracts.parse(l.get(1).asText()));
    }
    return out;
  }
}
