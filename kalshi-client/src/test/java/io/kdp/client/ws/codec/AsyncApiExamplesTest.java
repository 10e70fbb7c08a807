package io.kdp.client.ws.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Side;
import io.kdp.client.ws.WsCommands;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.EventLifecycle;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.client.ws.message.LifecycleEventType;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import io.kdp.client.ws.message.RawFrame;
import io.kdp.client.ws.message.TickerMessage;
import io.kdp.client.ws.message.TradeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Golden test: every example message in Kalshi's own AsyncAPI file decodes to the whole record we
 * expect (server frames) or is what our encoder writes (client commands).
 */
class AsyncApiExamplesTest {

  static final Path ASYNCAPI = Path.of("/work/shared/kalshi-reference/asyncapi.yaml");
  static final String MARKET_ID = "9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1";
  static final long NO_SEQ = KalshiWsMessage.NO_SEQ;

  final ObjectMapper json = KalshiJson.mapper();
  final WsFrameDecoder decoder = new WsFrameDecoder();

  /** Example name to expected record, given the frame text (for raw frames and trees). */
  static Map<String, Function<String, KalshiWsMessage>> expected() {
    Map<String, Function<String, KalshiWsMessage>> e = new LinkedHashMap<>();
    e.put("subscriptionConfirmed", t -> new CommandReply.Subscribed(1, "orderbook_delta", 1));
    e.put("unsubscriptionConfirmed", t -> new CommandReply.Unsubscribed(102, 2, 7));
    e.put(
        "updateSuccess",
        t -> new CommandReply.Ok(123, 456, 222, List.of("MARKET-1", "MARKET-2", "MARKET-3")));
    e.put(
        "listSubscriptionsResponse",
        t ->
            new CommandReply.SubscriptionList(
                3,
                List.of(
                    new CommandReply.Subscription("orderbook_delta", 1),
                    new CommandReply.Subscription("ticker", 2),
                    new CommandReply.Subscription("fill", 3))));
    e.put("alreadySubscribed", t -> new CommandReply.Error(123, 0, 6, "Already subscribed", null));
    e.put("unknownChannel", t -> new CommandReply.Error(124, 0, 8, "Unknown channel name", null));
    e.put("paramsRequired", t -> new CommandReply.Error(125, 0, 2, "Params required", null));
    e.put(
        "authenticationRequired",
        t -> new CommandReply.Error(126, 0, 9, "Authentication required", null));
    e.put(
        "marketNotFound",
        t -> new CommandReply.Error(127, 0, 16, "Market not found", "INVALID-MARKET"));
    e.put(
        "orderbookWithBothSides",
        t ->
            new OrderbookSnapshot(
                2,
                2,
                0,
                "FED-23DEC-T3.00",
                MARKET_ID,
                List.of(new Level(80_000, 30_000), new Level(220_000, 33_300)),
                List.of(new Level(540_000, 2_000), new Level(560_000, 14_600)),
                KalshiWsMessage.NO_TIME));
    e.put(
        "priceLevelUpdate",
        t ->
            new OrderbookDelta(
                2,
                3,
                "FED-23DEC-T3.00",
                MARKET_ID,
                960_000,
                -5_400,
                Side.YES,
                1_669_149_841_000_000L,
                null,
                null));
    e.put(
        "tickerUpdate",
        t ->
            new TickerMessage(
                11,
                NO_SEQ,
                "FED-23DEC-T3.00",
                MARKET_ID,
                480_000,
                450_000,
                530_000,
                3_389_600,
                2_042_200,
                16_948,
                10_211,
                0,
                0,
                0,
                1_669_149_841_000_000L));
    e.put(
        "tradeNotification",
        t ->
            new TradeMessage(
                11,
                NO_SEQ,
                "d91bc706-ee49-470d-82d8-11418bda6fed",
                "HIGHNY-22DEC23-B53.5",
                360_000,
                640_000,
                13_600,
                Side.NO,
                null,
                null,
                false,
                1_669_149_841_000_000L));
    e.put(
        "marketCreated",
        t ->
            new MarketLifecycle(
                13,
                NO_SEQ,
                "INXD-23SEP14-B4487",
                LifecycleEventType.CREATED,
                null,
                1_694_635_200L,
                1_694_721_600L,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                tree(t).at("/msg/additional_metadata"),
                null,
                null,
                null,
                null,
                null,
                List.of()));
    e.put(
        "eventCreated",
        t ->
            new EventLifecycle(
                5,
                NO_SEQ,
                "KXQUICKSETTLE-26JAN25H2150",
                "KXQUICKSETTLE",
                null,
                "What will 1+1 equal on Jan 25 at 21:50?",
                "Jan 25 at 21:50",
                "MECNET",
                null,
                null));
    for (String[] raw :
        new String[][] {
          {"userFill", "fill"},
          {"lookupRecorded", "multivariate_lookup"},
          {"positionUpdate", "market_position"},
          {"orderGroupLimitUpdated", "order_group_updates"},
          {"userOrderCreated", "user_order"},
          {"rfqCreatedNotification", "rfq_created"},
          {"rfqDeletedNotification", "rfq_deleted"},
          {"quoteCreatedNotification", "quote_created"},
          {"quoteAcceptedNotification", "quote_accepted"},
          {"quoteExecutedNotification", "quote_executed"}
        }) {
      e.put(raw[0], t -> new RawFrame(t, raw[1], "unknown type: " + raw[1]));
    }
    return e;
  }

  @Test
  void everyServerExampleDecodesToTheExpectedRecord() throws Exception {
    Map<String, Function<String, KalshiWsMessage>> expected = expected();
    List<String> seen = new ArrayList<>();
    for (JsonNode example : examples()) {
      JsonNode payload = example.get("payload");
      if (!payload.isObject() || payload.has("cmd")) {
        continue;
      }
      String name = example.get("name").asText();
      String text = json.writeValueAsString(payload);
      assertThat(expected).as("expectation for example %s", name).containsKey(name);
      assertThat(decoder.decode(text)).as(name).isEqualTo(expected.get(name).apply(text));
      seen.add(name);
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected.keySet());
  }

  @Test
  void everyCommandExampleIsWhatOurEncoderWrites() throws Exception {
    int commands = 0;
    for (JsonNode example : examples()) {
      JsonNode payload = example.get("payload");
      if (!payload.isObject() || !payload.has("cmd")) {
        continue;
      }
      commands++;
      JsonNode p = payload.path("params");
      int id = payload.get("id").asInt();
      List<String> tickers = tickers(p);
      String ours =
          switch (payload.get("cmd").asText()) {
            case "subscribe" ->
                WsCommands.subscribe(
                    id,
                    strings(p.get("channels")),
                    tickers,
                    p.path("send_initial_snapshot").asBoolean());
            case "unsubscribe" ->
                WsCommands.unsubscribe(
                    id, strings(p.get("sids")).stream().map(Integer::valueOf).toList());
            case "update_subscription" ->
                WsCommands.updateSubscription(
                    id,
                    p.has("sid") ? p.get("sid").asInt() : p.get("sids").get(0).asInt(),
                    p.get("action").asText(),
                    tickers);
            case "list_subscriptions" -> WsCommands.listSubscriptions(id);
            default -> throw new AssertionError("unexpected command " + payload);
          };
      assertThat(json.readTree(ours))
          .as(example.get("name").asText())
          .isEqualTo(normalized(payload));
    }
    assertThat(commands).isEqualTo(13);
  }

  /** Kalshi accepts {@code market_ticker}/{@code sid}; we always send the list forms. */
  private JsonNode normalized(JsonNode command) {
    JsonNode copy = command.deepCopy();
    if (copy.get("params") instanceof com.fasterxml.jackson.databind.node.ObjectNode params) {
      if (params.has("market_ticker")) {
        params.putArray("market_tickers").add(params.remove("market_ticker").asText());
      }
      if (params.has("sid")) {
        params.putArray("sids").add(params.remove("sid").asInt());
      }
    }
    return json.valueToTree(json.convertValue(copy, Map.class));
  }

  private static List<String> tickers(JsonNode params) {
    if (params.has("market_ticker")) {
      return List.of(params.get("market_ticker").asText());
    }
    return strings(params.get("market_tickers"));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  private List<JsonNode> examples() throws Exception {
    JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile());
    List<JsonNode> out = new ArrayList<>();
    spec.at("/components/messages").forEach(m -> m.path("examples").forEach(out::add));
    assertThat(out).hasSizeGreaterThan(30);
    return out;
  }

  private static JsonNode tree(String text) {
    try {
      return KalshiJson.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
