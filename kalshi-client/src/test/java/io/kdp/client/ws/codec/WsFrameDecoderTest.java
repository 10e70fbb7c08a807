package io.kdp.client.ws.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.EventFeeUpdate;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.LifecycleEventType;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.RawFrame;
import io.kdp.client.ws.message.TickerMessage;
import io.kdp.client.ws.message.TradeMessage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Current-spec frames, production quirks, and frames that must come back raw with a reason. */
class WsFrameDecoderTest {

  final WsFrameDecoder decoder = new WsFrameDecoder();

  @Test
  void currentDeltaPrefersTsMsAndKeepsTheOrderIndependentEnvelope() {
    String text =
        """
        {"type":"orderbook_delta","sid":2,"seq":3,"msg":{"market_ticker":"FED-23DEC-T3.00",\
        "market_id":"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1","price_dollars":"0.9600",\
        "delta_fp":"-54.00","side":"no","ts":"2026-04-19T23:14:30.160405Z","ts_ms":1669149841000,\
        "client_order_id":"c1","subaccount":"3"}}""";
    OrderbookDelta expected =
        new OrderbookDelta(
            2,
            3,
            "FED-23DEC-T3.00",
            "9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1",
            960_000,
            -5_400,
            Side.NO,
            1_669_149_841_000_000L,
            "c1",
            "3");
    assertThat(decoder.decode(text)).isEqualTo(expected);
    String msgFirst =
        """
        {"msg":{"market_ticker":"FED-23DEC-T3.00","market_id":"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1",\
        "price_dollars":0.96,"delta_fp":-54,"side":"no","ts_ms":1669149841000,\
        "client_order_id":"c1","subaccount":3},"seq":3,"type":"orderbook_delta","sid":2}""";
    assertThat(decoder.decode(msgFirst)).isEqualTo(expected);
  }

  @Test
  void deltaTsWithMicrosecondsWhenNoTsMs() {
    String text =
        """
        {"type":"orderbook_delta","sid":1,"seq":9,"msg":{"market_ticker":"M","price_dollars":"0.0100",\
        "delta_fp":"1.00","side":"yes","ts":"2026-04-19T23:14:30.160405Z"}}""";
    assertThat(((OrderbookDelta) decoder.decode(text)).exchangeTimeMicros())
        .isEqualTo(1_776_640_470_160_405L);
  }

  @Test
  void productionTickerWithClockAndEmptyPrice() {
    String text =
        """
        {"type":"ticker","sid":11,"msg":{"market_id":"u","market_ticker":"M","price_dollars":"",\
        "yes_bid_dollars":"0.0100","yes_ask_dollars":"0.9900","volume_fp":"0.00",\
        "open_interest_fp":"0.00","dollar_volume":0,"dollar_open_interest":0,\
        "yes_bid_size_fp":"5.00","yes_ask_size_fp":"6.00","last_trade_size_fp":"0.00",\
        "Clock":12345678901,"ts":1669149841}}""";
    assertThat(decoder.decode(text))
        .isEqualTo(
            new TickerMessage(
                11,
                KalshiWsMessage.NO_SEQ,
                "M",
                "u",
                0,
                10_000,
                990_000,
                0,
                0,
                0,
                0,
                500,
                600,
                0,
                1_669_149_841_000_000L));
  }

  @Test
  void tradeWithoutSeqAndOlderTradeWithPriceAndSide() {
    String current =
        """
        {"type":"trade","sid":11,"msg":{"trade_id":"t1","market_ticker":"M",\
        "yes_price_dollars":"0.3600","no_price_dollars":"0.6400","count_fp":"136.00",\
        "taker_side":"no","taker_outcome_side":"no","taker_book_side":"ask","is_block_trade":true,\
        "ts":1669149841,"ts_ms":1669149841123}}""";
    assertThat(decoder.decode(current))
        .isEqualTo(
            new TradeMessage(
                11,
                KalshiWsMessage.NO_SEQ,
                "t1",
                "M",
                360_000,
                640_000,
                13_600,
                Side.NO,
                Side.NO,
                "ask",
                true,
                1_669_149_841_123_000L));
    String older =
        """
        {"type":"trade","sid":4,"seq":7,"msg":{"trade_id":"t2","market_ticker":"M","price":36,\
        "count":2,"side":"yes","ts":1669149841}}""";
    assertThat(decoder.decode(older))
        .isEqualTo(
            new TradeMessage(
                4,
                7,
                "t2",
                "M",
                360_000,
                640_000,
                200,
                Side.YES,
                null,
                null,
                false,
                1_669_149_841_000_000L));
  }

  @Test
  void repliesAsOlderAndCurrentServersSendThem() {
    assertThat(decoder.decode("{\"type\":\"subscribed\",\"id\":1}"))
        .isEqualTo(new CommandReply.Subscribed(1, null, 0));
    assertThat(
            decoder.decode(
                "{\"id\":5,\"sid\":456,\"seq\":222,\"type\":\"ok\",\"market_tickers\":[\"A\",\"B\"]}"))
        .isEqualTo(new CommandReply.Ok(5, 456, 222, List.of("A", "B")));
    assertThat(
            decoder.decode(
                "{\"id\":9,\"sid\":3,\"type\":\"error\",\"msg\":{\"code\":26,\"msg\":\"limit\",\"market_tickers\":[\"A\",\"B\"]}}"))
        .isEqualTo(new CommandReply.Error(9, 3, 26, "limit", "A,B"));
  }

  @Test
  void lifecycleDeterminedAndFeeUpdate() {
    String determined =
        """
        {"type":"market_lifecycle_v2","sid":13,"seq":9,"msg":{"market_ticker":"INXD-23SEP14-B4487",\
        "event_type":"determined","determination_ts":1694722000,"result":"yes",\
        "settlement_value":"1.0000","brand_new":1}}""";
    assertThat(decoder.decode(determined))
        .isEqualTo(
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
                List.of("brand_new")));
    assertThat(
            decoder.decode(
                "{\"type\":\"event_fee_update\",\"sid\":13,\"seq\":10,\"msg\":{\"event_ticker\":\"E\",\"fee_type_override\":null,\"fee_multiplier_override\":0.5}}"))
        .isEqualTo(new EventFeeUpdate(13, 10, "E", null, new BigDecimal("0.5")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"orderbook_delta\",\"sid\":1|orderbook_delta|malformed JSON: ",
        "[1,2]||not a JSON object",
        "{\"sid\":1,\"msg\":{}}||no type",
        "{\"type\":\"multivariate_lookup\",\"sid\":1,\"msg\":{}}|multivariate_lookup|unknown type: multivariate_lookup",
        "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"M\",\"delta_fp\":\"1.00\",\"side\":\"yes\"}}|orderbook_delta|orderbook_delta: missing price_dollars",
        "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"M\",\"price_dollars\":\"0.4x\",\"delta_fp\":\"1.00\",\"side\":\"yes\"}}|orderbook_delta|not a decimal: \"0.4x\"",
        "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"M\",\"price_dollars\":\"0.42\",\"delta_fp\":\"1.00\",\"side\":\"maybe\"}}|orderbook_delta|side: not a side: maybe",
        "{\"type\":\"trade\",\"sid\":1,\"msg\":{\"trade_id\":\"t\",\"market_ticker\":\"M\",\"yes_price_dollars\":\"0.1\",\"count_fp\":\"1\",\"ts\":\"yesterday\"}}|trade|Text 'yesterday' could not be parsed at index 0",
        "{\"type\":\"market_lifecycle_v2\",\"sid\":1,\"msg\":{\"market_ticker\":\"M\",\"event_type\":\"exploded\"}}|market_lifecycle_v2|market_lifecycle_v2: unknown event_type: exploded",
        "{\"type\":\"ticker\",\"sid\":1,\"msg\":{\"market_ticker\":\"M\"}} x|ticker|malformed JSON: ",
      })
  void badFramesComeBackRawWithTheReason(String text, String type, String reason) {
    KalshiWsMessage m = decoder.decode(text);
    assertThat(m).isInstanceOf(RawFrame.class);
    RawFrame raw = (RawFrame) m;
    assertThat(raw.text()).isEqualTo(text);
    assertThat(raw.type()).isEqualTo(type);
    assertThat(raw.reason()).startsWith(reason);
  }

  @Test
  void rfc3339FastPathAgreesWithJavaTime() {
    for (String s :
        List.of(
            "2026-04-19T23:14:30.160405Z",
            "2022-11-22T20:44:01Z",
            "1970-01-01T00:00:00.5Z",
            "2000-02-29T12:00:00.123456789Z",
            "2026-04-19T23:14:30.160405+02:00")) {
      java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(s);
      long expected = t.toEpochSecond() * 1_000_000L + t.getNano() / 1_000;
      assertThat(Rfc3339.parseMicros(s.toCharArray(), 0, s.length())).as(s).isEqualTo(expected);
    }
  }
}
