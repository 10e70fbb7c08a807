package io.kdp.client.ws.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.EventFeeUpdate;
import io.kdp.client.ws.message.EventLifecycle;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import io.kdp.client.ws.message.RawFrame;
import io.kdp.client.ws.message.TickerMessage;
import io.kdp.client.ws.message.TradeMessage;
import java.time.Instant;
import java.util.List;

/**
 * Encodes the shared WebSocket message records to Kalshi's exact JSON (AsyncAPI field names, {@code
 * _dollars} with 4 decimals, {@code _fp} with 2, {@code ts_ms}, an empty snapshot side omitted).
 * For fan-out, {@link #body} encodes a message's {@code msg} once and {@link #envelope} wraps it
 * per subscriber with that subscriber's {@code sid}/{@code seq}.
 *
 * <pre>{@code
 * {"type":"orderbook_delta","sid":2,"seq":3,"msg":{"market_ticker":"FED-23DEC-T3.00",
 *  "market_id":"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1","price_dollars":"0.9600","delta_fp":"-54.00",
 *  "side":"yes","ts":"2022-11-22T20:44:01Z","ts_ms":1669149841000}}
 * }</pre>
 */
public final class WsFrameEncoder {

  private WsFrameEncoder() {}

  /**
   * A whole frame: channel messages with their own sid/seq, command replies, raw frames as kept.
   */
  public static String encode(KalshiWsMessage message) {
    return switch (message) {
      case ChannelMessage m -> {
        int id = m instanceof OrderbookSnapshot s ? s.commandId() : 0;
        yield envelope(type(m), id, m.sid(), m.seq(), body(m));
      }
      case CommandReply r -> reply(r);
      case RawFrame r -> r.text();
    };
  }

  /** The {@code type} of a channel message, e.g. {@code orderbook_delta}. */
  public static String type(ChannelMessage m) {
    return switch (m) {
      case OrderbookSnapshot s -> "orderbook_snapshot";
      case OrderbookDelta d -> "orderbook_delta";
      case TradeMessage t -> "trade";
      case TickerMessage t -> "ticker";
      case MarketLifecycle l -> "market_lifecycle_v2";
      case EventLifecycle e -> "event_lifecycle";
      case EventFeeUpdate e -> "event_fee_update";
    };
  }

  /**
   * Wraps an encoded {@code msg} body: {@code {"type":T,"sid":S,"seq":Q,"msg":BODY}}; {@code id} 0
   * and {@code seq} {@link KalshiWsMessage#NO_SEQ} are left out.
   */
  public static String envelope(String type, int id, int sid, long seq, String body) {
    StringBuilder sb = new StringBuilder(body.length() + 64);
    sb.append('{');
    if (id != 0) {
      sb.append("\"id\":").append(id).append(',');
    }
    sb.append("\"type\":\"").append(type).append("\",\"sid\":").append(sid);
    if (seq != KalshiWsMessage.NO_SEQ) {
      sb.append(",\"seq\":").append(seq);
    }
    return sb.append(",\"msg\":").append(body).append('}').toString();
  }

  /** The {@code msg} object of a channel message. */
  public static String body(ChannelMessage m) {
    JsonObjectWriter o = new JsonObjectWriter();
    switch (m) {
      case OrderbookSnapshot s -> {
        o.str("market_ticker", s.marketTicker()).str("market_id", s.marketId());
        if (!s.yes().isEmpty()) {
          o.raw("yes_dollars_fp", levels(s.yes()));
        }
        if (!s.no().isEmpty()) {
          o.raw("no_dollars_fp", levels(s.no()));
        }
      }
      case OrderbookDelta d -> {
        o.str("market_ticker", d.marketTicker()).str("market_id", d.marketId());
        o.str("price_dollars", Dollars.format(d.priceMicros()));
        o.str("delta_fp", Contracts.format(d.deltaCenti())).str("side", d.side().wire());
        o.strIf("client_order_id", d.clientOrderId()).strIf("subaccount", d.subaccount());
        if (d.exchangeTimeMicros() != KalshiWsMessage.NO_TIME) {
          o.str("ts", rfc3339(d.exchangeTimeMicros())).num("ts_ms", d.exchangeTimeMicros() / 1000);
        }
      }
      case TradeMessage t -> {
        o.str("trade_id", t.tradeId()).str("market_ticker", t.marketTicker());
        o.str("yes_price_dollars", Dollars.format(t.yesPriceMicros()));
        o.str("no_price_dollars", Dollars.format(t.noPriceMicros()));
        o.str("count_fp", Contracts.format(t.countCenti())).str("taker_side", t.takerSide().wire());
        if (t.takerOutcomeSide() != null) {
          o.str("taker_outcome_side", t.takerOutcomeSide().wire());
        }
        o.strIf("taker_book_side", t.takerBookSide()).bool("is_block_trade", t.blockTrade());
        times(o, t.exchangeTimeMicros(), false);
      }
      case TickerMessage t -> ticker(o, t);
      case MarketLifecycle l -> lifecycle(o, l);
      case EventLifecycle e -> {
        o.str("event_ticker", e.eventTicker());
        if (e.exchangeIndex() != null) {
          o.num("exchange_index", e.exchangeIndex());
        }
        o.str("title", e.title()).str("subtitle", e.subtitle());
        o.str("collateral_return_type", e.collateralReturnType())
            .str("series_ticker", e.seriesTicker());
        if (e.strikeDate() != null) {
          o.num("strike_date", e.strikeDate());
        }
        o.strIf("strike_period", e.strikePeriod());
      }
      case EventFeeUpdate f -> {
        o.str("event_ticker", f.eventTicker());
        o.raw(
            "fee_type_override",
            f.feeTypeOverride() == null ? "null" : JsonObjectWriter.quote(f.feeTypeOverride()));
        o.raw(
            "fee_multiplier_override",
            f.feeMultiplierOverride() == null ? "null" : f.feeMultiplierOverride().toPlainString());
      }
    }
    return o.close();
  }

  private static void ticker(JsonObjectWriter o, TickerMessage t) {
    o.str("market_ticker", t.marketTicker()).str("market_id", t.marketId());
    o.str("price_dollars", Dollars.format(t.priceMicros()));
    o.str("yes_bid_dollars", Dollars.format(t.yesBidMicros()));
    o.str("yes_ask_dollars", Dollars.format(t.yesAskMicros()));
    o.str("volume_fp", Contracts.format(t.volumeCenti()));
    o.str("open_interest_fp", Contracts.format(t.openInterestCenti()));
    o.num("dollar_volume", t.dollarVolume()).num("dollar_open_interest", t.dollarOpenInterest());
    o.str("yes_bid_size_fp", Contracts.format(t.yesBidSizeCenti()));
    o.str("yes_ask_size_fp", Contracts.format(t.yesAskSizeCenti()));
    o.str("last_trade_size_fp", Contracts.format(t.lastTradeSizeCenti()));
    times(o, t.exchangeTimeMicros(), true);
  }

  private static void lifecycle(JsonObjectWriter o, MarketLifecycle l) {
    o.str("market_ticker", l.marketTicker()).str("event_type", l.eventType().wire());
    if (l.exchangeIndex() != null) {
      o.num("exchange_index", l.exchangeIndex());
    }
    numIf(o, "open_ts", l.openTs());
    numIf(o, "close_ts", l.closeTs());
    if (l.isDeactivated() != null) {
      o.bool("is_deactivated", l.isDeactivated());
    }
    numIf(o, "determination_ts", l.determinationTs());
    o.strIf("result", l.result());
    if (l.settlementValueMicros() != null) {
      o.str("settlement_value", Dollars.format(l.settlementValueMicros()));
    }
    numIf(o, "settled_ts", l.settledTs());
    if (l.metadata() != null) {
      o.raw("additional_metadata", json(l.metadata()));
    }
    o.strIf("price_level_structure", l.priceLevelStructure());
    if (l.priceRanges() != null) {
      o.raw("price_ranges", json(l.priceRanges()));
    }
    o.strIf("strike_type", l.strikeType());
    if (l.floorStrike() != null) {
      o.raw("floor_strike", l.floorStrike().toPlainString());
    }
    if (l.capStrike() != null) {
      o.raw("cap_strike", l.capStrike().toPlainString());
    }
    if (l.customStrike() != null) {
      o.raw("custom_strike", json(l.customStrike()));
    }
    o.strIf("yes_sub_title", l.yesSubTitle());
  }

  private static String reply(CommandReply r) {
    StringBuilder sb = new StringBuilder(96).append("{\"id\":").append(r.id());
    switch (r) {
      case CommandReply.Subscribed s ->
          sb.append(",\"type\":\"subscribed\",\"msg\":{\"channel\":")
              .append(JsonObjectWriter.quote(s.channel()))
              .append(",\"sid\":")
              .append(s.sid())
              .append('}');
      case CommandReply.Unsubscribed u ->
          sb.append(",\"sid\":")
              .append(u.sid())
              .append(",\"seq\":")
              .append(u.seq())
              .append(",\"type\":\"unsubscribed\"");
      case CommandReply.Ok ok -> {
        sb.append(",\"sid\":").append(ok.sid());
        if (ok.seq() != KalshiWsMessage.NO_SEQ) {
          sb.append(",\"seq\":").append(ok.seq());
        }
        sb.append(",\"type\":\"ok\",\"msg\":{\"market_tickers\":[");
        List<String> tickers = ok.marketTickers();
        for (int i = 0; i < tickers.size(); i++) {
          sb.append(i == 0 ? "" : ",").append(JsonObjectWriter.quote(tickers.get(i)));
        }
        sb.append("]}");
      }
      case CommandReply.SubscriptionList list -> {
        sb.append(",\"type\":\"ok\",\"msg\":[");
        List<CommandReply.Subscription> subs = list.subscriptions();
        for (int i = 0; i < subs.size(); i++) {
          sb.append(i == 0 ? "" : ",")
              .append("{\"channel\":")
              .append(JsonObjectWriter.quote(subs.get(i).channel()))
              .append(",\"sid\":")
              .append(subs.get(i).sid())
              .append('}');
        }
        sb.append(']');
      }
      case CommandReply.Error e -> {
        if (e.sid() != 0) {
          sb.append(",\"sid\":").append(e.sid());
        }
        sb.append(",\"type\":\"error\",\"msg\":{\"code\":")
            .append(e.code())
            .append(",\"msg\":")
            .append(JsonObjectWriter.quote(e.message()));
        if (e.marketTicker() != null) {
          sb.append(",\"market_ticker\":").append(JsonObjectWriter.quote(e.marketTicker()));
        }
        sb.append('}');
      }
    }
    return sb.append('}').toString();
  }

  private static void times(JsonObjectWriter o, long micros, boolean withTime) {
    if (micros == KalshiWsMessage.NO_TIME) {
      return;
    }
    o.num("ts", Math.floorDiv(micros, 1_000_000)).num("ts_ms", Math.floorDiv(micros, 1000));
    if (withTime) {
      o.str("time", Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000)).toString());
    }
  }

  private static void numIf(JsonObjectWriter o, String name, Long value) {
    if (value != null) {
      o.num(name, value);
    }
  }

  private static String levels(List<Level> levels) {
    StringBuilder sb = new StringBuilder(levels.size() * 24).append('[');
    for (int i = 0; i < levels.size(); i++) {
      Level l = levels.get(i);
      sb.append(i == 0 ? "[\"" : ",[\"")
          .append(Dollars.format(l.priceMicros()))
          .append("\",\"")
          .append(Contracts.format(l.sizeCenti()))
          .append("\"]");
    }
    return sb.append(']').toString();
  }

  private static String rfc3339(long micros) {
    return Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000)
        .toString();
  }

  private static String json(JsonNode node) {
    try {
      return KalshiJson.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unencodable JSON node", e);
    }
  }
}
