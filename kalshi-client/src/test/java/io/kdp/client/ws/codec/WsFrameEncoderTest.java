package io.kdp.client.ws.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Side;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.EventLifecycle;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.client.ws.message.LifecycleEventType;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import io.kdp.client.ws.message.TickerMessage;
import io.kdp.client.ws.message.TradeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoder writes Kalshi's frames exactly (AsyncAPI examples, current field names). */
class WsFrameEncoderTest {

  private static final String ID = "9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1";

  @Test
  void orderbookDeltaWithTimestamps() {
    var d =
        new OrderbookDelta(
            2,
            3,
            "FED-23DEC-T3.00",
            ID,
            960_000,
            -5_400,
            Side.YES,
            1_669_149_841_000_000L,
            null,
            null);
    assertThat(WsFrameEncoder.encode(d))
        .isEqualTo(
            "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\","
                + "\"market_id\":\""
                + ID
                + "\",\"price_dollars\":\"0.9600\",\"delta_fp\":\"-54.00\",\"side\":\"yes\","
                + "\"ts\":\"2022-11-22T20:44:01Z\",\"ts_ms\":1669149841000}}");
  }

  @Test
  void snapshotOmitsAnEmptySideAndEchoesTheCommandId() {
    var s =
        new OrderbookSnapshot(
            2,
            2,
            7,
            "FED-23DEC-T3.00",
            ID,
            List.of(new Level(80_000, 30_000), new Level(220_500, 33_300)),
            List.of(),
            KalshiWsMessage.NO_TIME);
    assertThat(WsFrameEncoder.encode(s))
        .isEqualTo(
            "{\"id\":7,\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":2,\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\","
                + "\"market_id\":\""
                + ID
                + "\",\"yes_dollars_fp\":[[\"0.0800\",\"300.00\"],[\"0.2205\",\"333.00\"]]}}");
  }

  @Test
  void tradeAndTicker() {
    var t =
        new TradeMessage(
            11,
            2,
            "d91bc706-ee49-470d-82d8-11418bda6fed",
            "HIGHNY-22DEC23-B53.5",
            360_000,
            640_000,
            13_600,
            Side.NO,
            Side.NO,
            "ask",
            false,
            1_669_149_841_000_000L);
    assertThat(WsFrameEncoder.encode(t))
        .isEqualTo(
            "{\"type\":\"trade\",\"sid\":11,\"seq\":2,\"msg\":{\"trade_id\":\"d91bc706-ee49-470d-82d8-11418bda6fed\","
                + "\"market_ticker\":\"HIGHNY-22DEC23-B53.5\",\"yes_price_dollars\":\"0.3600\",\"no_price_dollars\":\"0.6400\","
                + "\"count_fp\":\"136.00\",\"taker_side\":\"no\",\"taker_outcome_side\":\"no\",\"taker_book_side\":\"ask\","
                + "\"is_block_trade\":false,\"ts\":1669149841,\"ts_ms\":1669149841000}}");
    var k =
        new TickerMessage(
            11,
            KalshiWsMessage.NO_SEQ,
            "FED-23DEC-T3.00",
            ID,
            480_000,
            450_000,
            530_000,
            3_389_600,
            2_042_200,
            16948,
            10211,
            30_000,
            15_000,
            2_500,
            1_669_149_841_000_000L);
    assertThat(WsFrameEncoder.encode(k))
        .isEqualTo(
            "{\"type\":\"ticker\",\"sid\":11,\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"market_id\":\""
                + ID
                + "\","
                + "\"price_dollars\":\"0.4800\",\"yes_bid_dollars\":\"0.4500\",\"yes_ask_dollars\":\"0.5300\","
                + "\"volume_fp\":\"33896.00\",\"open_interest_fp\":\"20422.00\",\"dollar_volume\":16948,"
                + "\"dollar_open_interest\":10211,\"yes_bid_size_fp\":\"300.00\",\"yes_ask_size_fp\":\"150.00\","
                + "\"last_trade_size_fp\":\"25.00\",\"ts\":1669149841,\"ts_ms\":1669149841000,\"time\":\"2022-11-22T20:44:01Z\"}}");
  }

  @Test
  void lifecycleMessages() {
    var determined =
        new MarketLifecycle(
            13,
            9,
            "INXD-23SEP14-B4487",
            LifecycleEventType.DETERMINED,
            null,
            null,
            null,
            null,
            1_694_722_000L,
            "yes",
            1_000_000L,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of());
    assertThat(WsFrameEncoder.encode(determined))
        .isEqualTo(
            "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"seq\":9,\"msg\":{\"market_ticker\":\"INXD-23SEP14-B4487\","
                + "\"event_type\":\"determined\",\"determination_ts\":1694722000,\"result\":\"yes\",\"settlement_value\":\"1.0000\"}}");
    var created =
        new MarketLifecycle(
            13,
            3,
            "INXD-23SEP14-B4487",
            LifecycleEventType.CREATED,
            0,
            1_694_635_200L,
            1_694_721_600L,
            null,
            null,
            null,
            null,
            null,
            "linear_cent",
            KalshiJson.mapper()
                .createArrayNode()
                .add(KalshiJson.mapper().createObjectNode().put("start", "0.0000")),
            KalshiJson.mapper()
                .createObjectNode()
                .put("event_ticker", "INXD-23SEP14")
                .put("floor_strike", 4487),
            null,
            null,
            null,
            null,
            null,
            List.of());
    assertThat(WsFrameEncoder.encode(created))
        .isEqualTo(
            "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"seq\":3,\"msg\":{\"market_ticker\":\"INXD-23SEP14-B4487\","
                + "\"event_type\":\"created\",\"exchange_index\":0,\"open_ts\":1694635200,\"close_ts\":1694721600,"
                + "\"additional_metadata\":{\"event_ticker\":\"INXD-23SEP14\",\"floor_strike\":4487},"
                + "\"price_level_structure\":\"linear_cent\",\"price_ranges\":[{\"start\":\"0.0000\"}]}}");
    var event =
        new EventLifecycle(
            5, 8, "KXQUICK-26JAN25", "KXQUICK", 0, "What \"1+1\"?", "Jan 25", "MECNET", null, null);
    assertThat(WsFrameEncoder.encode(event))
        .isEqualTo(
            "{\"type\":\"event_lifecycle\",\"sid\":5,\"seq\":8,\"msg\":{\"event_ticker\":\"KXQUICK-26JAN25\","
                + "\"exchange_index\":0,\"title\":\"What \\\"1+1\\\"?\",\"subtitle\":\"Jan 25\","
                + "\"collateral_return_type\":\"MECNET\",\"series_ticker\":\"KXQUICK\"}}");
  }

  @Test
  void commandReplies() {
    assertThat(WsFrameEncoder.encode(new CommandReply.Subscribed(1, "orderbook_delta", 1)))
        .isEqualTo(
            "{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}");
    assertThat(WsFrameEncoder.encode(new CommandReply.Unsubscribed(4, 2, 7)))
        .isEqualTo("{\"id\":4,\"sid\":2,\"seq\":7,\"type\":\"unsubscribed\"}");
    assertThat(WsFrameEncoder.encode(new CommandReply.Ok(5, 456, 222, List.of("M-1", "M-2"))))
        .isEqualTo(
            "{\"id\":5,\"sid\":456,\"seq\":222,\"type\":\"ok\",\"msg\":{\"market_tickers\":[\"M-1\",\"M-2\"]}}");
    assertThat(
            WsFrameEncoder.encode(
                new CommandReply.SubscriptionList(
                    8,
                    List.of(
                        new CommandReply.Subscription("orderbook_delta", 1),
                        new CommandReply.Subscription("ticker", 2)))))
        .isEqualTo(
            "{\"id\":8,\"type\":\"ok\",\"msg\":[{\"channel\":\"orderbook_delta\",\"sid\":1},{\"channel\":\"ticker\",\"sid\":2}]}");
    assertThat(
            WsFrameEncoder.encode(new CommandReply.Error(9, 0, 7, "Unknown subscription ID", null)))
        .isEqualTo(
            "{\"id\":9,\"type\":\"error\",\"msg\":{\"code\":7,\"msg\":\"Unknown subscription ID\"}}");
    assertThat(
            WsFrameEncoder.encode(
                new CommandReply.Error(0, 3, 25, "Subscription buffer overflow", null)))
        .isEqualTo(
            "{\"id\":0,\"sid\":3,\"type\":\"error\",\"msg\":{\"code\":25,\"msg\":\"Subscription buffer overflow\"}}");
  }
}
