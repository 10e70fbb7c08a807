package io.kdp.client.ws.codec;

import static io.kdp.client.ws.codec.WireValues.ABSENT;
import static io.kdp.client.ws.codec.WireValues.require;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kdp.client.model.Dollars;
import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.TickerMessage;
import io.kdp.client.ws.message.TradeMessage;
import java.io.IOException;

/**
 * Streaming decoders for the three high-volume bodies ({@code orderbook_delta}, {@code trade},
 * {@code ticker}): one pass over {@code msg}, no tree. Each starts on the body's START_OBJECT and
 * ends on its END_OBJECT. Current fields win over the legacy integer ones ({@code price}, {@code
 * delta}, {@code count}, ...) whichever comes first; unknown fields (e.g. {@code Clock}) are
 * skipped.
 */
final class MarketDataBodies {

  private MarketDataBodies() {}

  /**
   * {@code {"market_ticker":"FED-23DEC-T3.00","market_id":"9b0f6b43-...","price_dollars":"0.9600",
   * "delta_fp":"-54.00","side":"yes","ts":"2022-11-22T20:44:01Z","ts_ms":1669149841000}}
   */
  static OrderbookDelta delta(JsonParser p, StringCache cache, int sid, long seq)
      throws IOException {
    String ticker = null, marketId = null, clientOrderId = null, subaccount = null;
    long price = ABSENT, legacyPrice = ABSENT, delta = ABSENT, legacyDelta = ABSENT;
    long tsMs = ABSENT, ts = ABSENT;
    Side side = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "market_ticker" -> ticker = WireValues.text(p, cache, f);
        case "market_id" -> marketId = WireValues.text(p, cache, f);
        case "price_dollars" -> price = WireValues.dollars(p, f, ABSENT);
        case "delta_fp" -> delta = WireValues.contracts(p, f, ABSENT);
        case "side" -> side = WireValues.side(p, f);
        case "ts_ms" -> tsMs = WireValues.millisAsMicros(p, f);
        case "ts" -> ts = WireValues.tsAsMicros(p, f);
        case "price" -> legacyPrice = WireValues.cents(p, f);
        case "delta" -> legacyDelta = WireValues.wholeContracts(p, f);
        case "client_order_id" -> clientOrderId = p.getValueAsString();
        case "subaccount" -> subaccount = p.getValueAsString();
        default -> p.skipChildren();
      }
    }
    String type = "orderbook_delta";
    return new OrderbookDelta(
        sid,
        seq,
        require(ticker, type, "market_ticker"),
        marketId,
        require(price != ABSENT ? price : legacyPrice, type, "price_dollars"),
        require(delta != ABSENT ? delta : legacyDelta, type, "delta_fp"),
        require(side, type, "side"),
        WireValues.exchangeTime(tsMs, ts, KalshiWsMessage.NO_TIME),
        clientOrderId,
        subaccount);
  }

  /**
   * {@code {"trade_id":"d91bc706-...","market_ticker":"HIGHNY-22DEC23-B53.5",
   * "yes_price_dollars":"0.3600","no_price_dollars":"0.6400","count_fp":"136.00","taker_side":"no",
   * "taker_outcome_side":"no","taker_book_side":"ask","is_block_trade":false,"ts":1669149841,
   * "ts_ms":1669149841000}}}. Older frames carried {@code price} (yes cents) and {@code side}.
   */
  static TradeMessage trade(JsonParser p, StringCache cache, int sid, long seq) throws IOException {
    String tradeId = null, ticker = null, bookSide = null;
    long yes = ABSENT, no = ABSENT, legacyYes = ABSENT, legacyNo = ABSENT;
    long count = ABSENT, legacyCount = ABSENT, tsMs = ABSENT, ts = ABSENT;
    Side taker = null, outcome = null, legacySide = null;
    boolean block = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "trade_id" -> tradeId = p.getValueAsString();
        case "market_ticker" -> ticker = WireValues.text(p, cache, f);
        case "yes_price_dollars" -> yes = WireValues.dollars(p, f, ABSENT);
        case "no_price_dollars" -> no = WireValues.dollars(p, f, ABSENT);
        case "count_fp" -> count = WireValues.contracts(p, f, ABSENT);
        case "taker_side" -> taker = WireValues.side(p, f);
        case "taker_outcome_side" -> outcome = WireValues.side(p, f);
        case "taker_book_side" -> bookSide = bookSide(p);
        case "is_block_trade" -> block = WireValues.bool(p, f);
        case "ts_ms" -> tsMs = WireValues.millisAsMicros(p, f);
        case "ts" -> ts = WireValues.tsAsMicros(p, f);
        case "yes_price", "price" -> legacyYes = WireValues.cents(p, f);
        case "no_price" -> legacyNo = WireValues.cents(p, f);
        case "count" -> legacyCount = WireValues.wholeContracts(p, f);
        case "side" -> legacySide = WireValues.side(p, f);
        default -> p.skipChildren();
      }
    }
    String type = "trade";
    long yesPrice = require(yes != ABSENT ? yes : legacyYes, type, "yes_price_dollars");
    long noPrice = no != ABSENT ? no : legacyNo != ABSENT ? legacyNo : Dollars.ONE - yesPrice;
    return new TradeMessage(
        sid,
        seq,
        require(tradeId, type, "trade_id"),
        require(ticker, type, "market_ticker"),
        yesPrice,
        noPrice,
        require(count != ABSENT ? count : legacyCount, type, "count_fp"),
        taker != null ? taker : legacySide != null ? legacySide : outcome,
        outcome,
        bookSide,
        block,
        WireValues.exchangeTime(tsMs, ts, KalshiWsMessage.NO_TIME));
  }

  /**
   * {@code {"market_id":"9b0f6b43-...","market_ticker":"FED-23DEC-T3.00","price_dollars":"0.4800",
   * "yes_bid_dollars":"0.4500","yes_ask_dollars":"0.5300","volume_fp":"33896.00",
   * "open_interest_fp":"20422.00","dollar_volume":16948,"dollar_open_interest":10211,
   * "yes_bid_size_fp":"300.00","yes_ask_size_fp":"150.00","last_trade_size_fp":"25.00",
   * "ts":1669149841,"ts_ms":1669149841000,"time":"2022-11-22T20:44:01Z"}}. Absent or {@code ""}
   * values are 0 (production sent {@code "price_dollars":""} before a first trade).
   */
  static TickerMessage ticker(JsonParser p, StringCache cache, int sid, long seq)
      throws IOException {
    String ticker = null, marketId = null;
    long price = ABSENT, bid = ABSENT, ask = ABSENT, volume = ABSENT, oi = ABSENT;
    long lPrice = 0, lBid = 0, lAsk = 0, lVolume = 0, lOi = 0;
    long dollarVolume = 0, dollarOi = 0, bidSize = 0, askSize = 0, lastSize = 0;
    long tsMs = ABSENT, ts = ABSENT;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "market_ticker" -> ticker = WireValues.text(p, cache, f);
        case "market_id" -> marketId = WireValues.text(p, cache, f);
        case "price_dollars" -> price = WireValues.dollars(p, f, 0);
        case "yes_bid_dollars" -> bid = WireValues.dollars(p, f, 0);
        case "yes_ask_dollars" -> ask = WireValues.dollars(p, f, 0);
        case "volume_fp" -> volume = WireValues.contracts(p, f, 0);
        case "open_interest_fp" -> oi = WireValues.contracts(p, f, 0);
        case "dollar_volume" -> dollarVolume = WireValues.integer(p, f);
        case "dollar_open_interest" -> dollarOi = WireValues.integer(p, f);
        case "yes_bid_size_fp" -> bidSize = WireValues.contracts(p, f, 0);
        case "yes_ask_size_fp" -> askSize = WireValues.contracts(p, f, 0);
        case "last_trade_size_fp" -> lastSize = WireValues.contracts(p, f, 0);
        case "ts_ms" -> tsMs = WireValues.millisAsMicros(p, f);
        case "ts" -> ts = WireValues.tsAsMicros(p, f);
        case "price" -> lPrice = WireValues.cents(p, f);
        case "yes_bid" -> lBid = WireValues.cents(p, f);
        case "yes_ask" -> lAsk = WireValues.cents(p, f);
        case "volume" -> lVolume = WireValues.wholeContracts(p, f);
        case "open_interest" -> lOi = WireValues.wholeContracts(p, f);
        default -> p.skipChildren();
      }
    }
    return new TickerMessage(
        sid,
        seq,
        require(ticker, "ticker", "market_ticker"),
        marketId,
        price != ABSENT ? price : lPrice,
        bid != ABSENT ? bid : lBid,
        ask != ABSENT ? ask : lAsk,
        volume != ABSENT ? volume : lVolume,
        oi != ABSENT ? oi : lOi,
        dollarVolume,
        dollarOi,
        bidSize,
        askSize,
        lastSize,
        WireValues.exchangeTime(tsMs, ts, KalshiWsMessage.NO_TIME));
  }

  private static String bookSide(JsonParser p) throws IOException {
    String s = p.getValueAsString();
    return switch (s == null ? "" : s) {
      case "bid" -> "bid";
      case "ask" -> "ask";
      case "" -> null;
      default -> throw new WireException("taker_book_side: not bid/ask: " + s);
    };
  }
}
