package io.kdp.client.ws.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.OrderbookSnapshot;
import io.kdp.client.ws.message.RawFrame;
import io.kdp.client.ws.message.TickerMessage;
import io.kdp.client.ws.message.TradeMessage;
import java.io.IOException;

/**
 * Decodes one Kalshi WebSocket text frame into a {@link KalshiWsMessage}, in a single pass with
 * Jackson's streaming parser. The hot bodies ({@code orderbook_delta}, {@code trade}, {@code
 * ticker}, {@code orderbook_snapshot}) are read token by token; replies and lifecycle messages go
 * through a small tree. Envelope fields may come in any order: if {@code msg} precedes {@code
 * type}, the body is buffered as a tree and decoded from it.
 *
 * <p>{@link #decode} never throws: a frame that is not JSON, not an object, breaks Kalshi's schema
 * or has a {@code type} we do not model comes back as a {@link RawFrame} with the reason. Thread
 * safe; one instance may serve every connection.
 */
public final class WsFrameDecoder {

  private final JsonFactory factory = KalshiJson.mapper().getFactory();
  private final StringCache cache = new StringCache(1 << 14);

  /** Decodes {@code text}; see the class comment. */
  public KalshiWsMessage decode(String text) {
    String type = null;
    try (JsonParser p = factory.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new RawFrame(text, null, "not a JSON object");
      }
      int sid = 0;
      int id = 0;
      long seq = KalshiWsMessage.NO_SEQ;
      KalshiWsMessage decoded = null;
      JsonNode msgTree = null;
      JsonNode topTickers = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        switch (f) {
          case "type" -> type = t == JsonToken.VALUE_STRING ? typeName(p) : null;
          case "sid" -> sid = Math.toIntExact(WireValues.integer(p, f));
          case "seq" -> seq = WireValues.integer(p, f);
          case "id" -> id = Math.toIntExact(WireValues.integer(p, f));
          case "msg" -> {
            if (t == JsonToken.START_OBJECT && isStreamed(type)) {
              decoded = streamed(type, p, sid, seq, id);
            } else {
              msgTree = p.readValueAsTree();
            }
          }
          case "market_tickers" -> topTickers = p.readValueAsTree();
          default -> p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        return new RawFrame(text, type, "trailing content after the JSON object");
      }
      if (type == null) {
        return new RawFrame(text, null, "no type");
      }
      if (decoded != null) {
        return envelope(decoded, sid, seq, id);
      }
      return fromTree(text, type, msgTree, topTickers, sid, seq, id);
    } catch (JsonProcessingException e) {
      return new RawFrame(text, type, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new RawFrame(text, type, why);
    }
  }

  private static final String[] KNOWN_TYPES = {
    "orderbook_delta",
    "trade",
    "ticker",
    "orderbook_snapshot",
    "subscribed",
    "ok",
    "error",
    "unsubscribed",
    "market_lifecycle_v2",
    "event_lifecycle",
    "event_fee_update"
  };

  /** The frame type as a shared constant when known (no string per frame), else as sent. */
  private static String typeName(JsonParser p) throws IOException {
    char[] b = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    for (String known : KNOWN_TYPES) {
      if (known.length() == len && same(known, b, off)) {
        return known;
      }
    }
    return new String(b, off, len);
  }

  private static boolean same(String s, char[] b, int off) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != b[off + i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isStreamed(String type) {
    return type != null
        && switch (type) {
          case "orderbook_delta", "trade", "ticker", "orderbook_snapshot" -> true;
          default -> false;
        };
  }

  private KalshiWsMessage streamed(String type, JsonParser p, int sid, long seq, int id)
      throws IOException {
    return switch (type) {
      case "orderbook_delta" -> MarketDataBodies.delta(p, cache, sid, seq);
      case "trade" -> MarketDataBodies.trade(p, cache, sid, seq);
      case "ticker" -> MarketDataBodies.ticker(p, cache, sid, seq);
      case "orderbook_snapshot" -> SnapshotBody.decode(p, cache, sid, seq, id);
      default -> throw new IllegalStateException(type);
    };
  }

  private KalshiWsMessage fromTree(
      String text, String type, JsonNode msg, JsonNode topTickers, int sid, long seq, int id)
      throws IOException {
    switch (type) {
      case "subscribed", "unsubscribed", "ok", "error" -> {
        JsonNode top = KalshiJson.mapper().createObjectNode().set("market_tickers", topTickers);
        return TreeBodies.reply(type, top, msg, id, sid, seq);
      }
      default -> {}
    }
    if (!isStreamed(type)
        && !type.equals("market_lifecycle_v2")
        && !type.equals("event_lifecycle")
        && !type.equals("event_fee_update")) {
      return new RawFrame(text, type, "unknown type: " + type);
    }
    if (msg == null || !msg.isObject()) {
      return new RawFrame(text, type, type + ": msg missing or not an object");
    }
    return switch (type) {
      case "market_lifecycle_v2" -> TreeBodies.marketLifecycle(msg, sid, seq);
      case "event_lifecycle" -> TreeBodies.eventLifecycle(msg, sid, seq);
      case "event_fee_update" -> TreeBodies.eventFeeUpdate(msg, sid, seq);
      default -> {
        try (JsonParser body = msg.traverse(KalshiJson.mapper())) {
          body.nextToken();
          yield streamed(type, body, sid, seq, id);
        }
      }
    };
  }

  /** Re-applies envelope fields that came after {@code msg} (rare; Kalshi sends them first). */
  private static KalshiWsMessage envelope(KalshiWsMessage m, int sid, long seq, int id) {
    return switch (m) {
      case OrderbookDelta d when d.sid() != sid || d.seq() != seq ->
          new OrderbookDelta(
              sid,
              seq,
              d.marketTicker(),
              d.marketId(),
              d.priceMicros(),
              d.deltaCenti(),
              d.side(),
              d.exchangeTimeMicros(),
              d.clientOrderId(),
              d.subaccount());
      case TradeMessage t when t.sid() != sid || t.seq() != seq ->
          new TradeMessage(
              sid,
              seq,
              t.tradeId(),
              t.marketTicker(),
              t.yesPriceMicros(),
              t.noPriceMicros(),
              t.countCenti(),
              t.takerSide(),
              t.takerOutcomeSide(),
              t.takerBookSide(),
              t.blockTrade(),
              t.exchangeTimeMicros());
      case TickerMessage t when t.sid() != sid || t.seq() != seq ->
          new TickerMessage(
              sid,
              seq,
              t.marketTicker(),
              t.marketId(),
              t.priceMicros(),
              t.yesBidMicros(),
              t.yesAskMicros(),
              t.volumeCenti(),
              t.openInterestCenti(),
              t.dollarVolume(),
              t.dollarOpenInterest(),
              t.yesBidSizeCenti(),
              t.yesAskSizeCenti(),
              t.lastTradeSizeCenti(),
              t.exchangeTimeMicros());
      case OrderbookSnapshot s when s.sid() != sid || s.seq() != seq || s.commandId() != id ->
          new OrderbookSnapshot(
              sid,
              seq,
              id,
              s.marketTicker(),
              s.marketId(),
              s.yes(),
              s.no(),
              s.exchangeTimeMicros());
      default -> m;
    };
  }
}
