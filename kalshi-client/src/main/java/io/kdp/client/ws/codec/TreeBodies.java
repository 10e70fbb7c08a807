package io.kdp.client.ws.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.model.Dollars;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.EventFeeUpdate;
import io.kdp.client.ws.message.EventLifecycle;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.LifecycleEventType;
import io.kdp.client.ws.message.MarketLifecycle;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decoders for the low-volume frames, from a tree: command replies and lifecycle messages.
 * Tolerates what production servers were seen to send: {@code subscribed} without {@code msg},
 * {@code ok} with {@code sid}/{@code seq}/{@code market_tickers} at the top level.
 */
final class TreeBodies {

  private static final Set<String> LIFECYCLE_FIELDS =
      Set.of(
          "market_ticker",
          "event_type",
          "exchange_index",
          "open_ts",
          "close_ts",
          "is_deactivated",
          "determination_ts",
          "result",
          "settlement_value",
          "settled_ts",
          "price_level_structure",
          "price_ranges",
          "additional_metadata",
          "strike_type",
          "floor_strike",
          "cap_strike",
          "custom_strike",
          "yes_sub_title",
          "market_id");

  private TreeBodies() {}

  /** {@code top} is the whole frame, {@code msg} its body (null when absent). */
  static KalshiWsMessage reply(String type, JsonNode top, JsonNode msg, int id, int sid, long seq) {
    return switch (type) {
      case "subscribed" ->
          new CommandReply.Subscribed(
              id, str(msg, "channel"), msg != null && msg.has("sid") ? intOf(msg, "sid") : sid);
      case "unsubscribed" -> new CommandReply.Unsubscribed(id, sid, seq);
      case "ok" -> ok(top, msg, id, sid, seq);
      case "error" -> error(msg, id, sid);
      default -> throw new IllegalArgumentException("not a reply: " + type);
    };
  }

  private static CommandReply ok(JsonNode top, JsonNode msg, int id, int sid, long seq) {
    if (msg != null && msg.isArray()) {
      List<CommandReply.Subscription> subs = new ArrayList<>();
      for (JsonNode s : msg) {
        subs.add(new CommandReply.Subscription(str(s, "channel"), intOf(s, "sid")));
      }
      return new CommandReply.SubscriptionList(id, List.copyOf(subs));
    }
    JsonNode tickers = msg != null && msg.has("market_tickers") ? msg.get("market_tickers") : null;
    if (tickers == null) {
      tickers = top.get("market_tickers");
    }
    return new CommandReply.Ok(id, sid, seq, strings(tickers, "market_tickers"));
  }

  private static CommandReply error(JsonNode msg, int id, int sid) {
    if (msg == null || !msg.isObject()) {
      throw new WireException("error: missing msg");
    }
    String market = str(msg, "market_ticker");
    if (market == null && msg.has("market_tickers")) {
      market = String.join(",", strings(msg.get("market_tickers"), "market_tickers"));
    }
    return new CommandReply.Error(id, sid, intOf(msg, "code"), str(msg, "msg"), market);
  }

  /** {@code market_lifecycle_v2}: see {@link MarketLifecycle} for which fields each type sets. */
  static MarketLifecycle marketLifecycle(JsonNode m, int sid, long seq) {
    String wireType = str(m, "event_type");
    LifecycleEventType type = LifecycleEventType.fromWire(wireType);
    if (type == null) {
      throw new WireException("market_lifecycle_v2: unknown event_type: " + wireType);
    }
    List<String> unknown = new ArrayList<>();
    m.fieldNames()
        .forEachRemaining(
            f -> {
              if (!LIFECYCLE_FIELDS.contains(f)) {
                unknown.add(f);
              }
            });
    String settlement = str(m, "settlement_value");
    return new MarketLifecycle(
        sid,
        seq,
        require(str(m, "market_ticker"), "market_lifecycle_v2", "market_ticker"),
        type,
        m.hasNonNull("exchange_index") ? intOf(m, "exchange_index") : null,
        longOf(m, "open_ts"),
        longOf(m, "close_ts"),
        m.hasNonNull("is_deactivated") ? m.get("is_deactivated").asBoolean() : null,
        longOf(m, "determination_ts"),
        str(m, "result"),
        settlement == null || settlement.isEmpty() ? null : Dollars.parse(settlement),
        longOf(m, "settled_ts"),
        str(m, "price_level_structure"),
        m.get("price_ranges"),
        m.get("additional_metadata"),
        str(m, "strike_type"),
        decimal(m, "floor_strike"),
        decimal(m, "cap_strike"),
        m.get("custom_strike"),
        str(m, "yes_sub_title"),
        List.copyOf(unknown));
  }

  static EventLifecycle eventLifecycle(JsonNode m, int sid, long seq) {
    return new EventLifecycle(
        sid,
        seq,
        require(str(m, "event_ticker"), "event_lifecycle", "event_ticker"),
        str(m, "series_ticker"),
        m.hasNonNull("exchange_index") ? intOf(m, "exchange_index") : null,
        str(m, "title"),
        str(m, "subtitle"),
        str(m, "collateral_return_type"),
        longOf(m, "strike_date"),
        str(m, "strike_period"));
  }

  static EventFeeUpdate eventFeeUpdate(JsonNode m, int sid, long seq) {
    return new EventFeeUpdate(
        sid,
        seq,
        require(str(m, "event_ticker"), "event_fee_update", "event_ticker"),
        str(m, "fee_type_override"),
        decimal(m, "fee_multiplier_override"));
  }

  private static String str(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new WireException(field + ": expected a string, got " + v.getNodeType());
    }
    return v.asText();
  }

  private static int intOf(JsonNode n, String field) {
    Long v = longOf(n, field);
    if (v == null) {
      throw new WireException("missing " + field);
    }
    return Math.toIntExact(v);
  }

  private static Long longOf(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText());
      } catch (NumberFormatException e) {
        throw new WireException(field + ": not an integer: " + v.asText());
      }
    }
    throw new WireException(field + ": expected an integer, got " + v.getNodeType());
  }

  private static BigDecimal decimal(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    try {
      return new BigDecimal(v.asText());
    } catch (NumberFormatException e) {
      throw new WireException(field + ": not a decimal: " + v.asText());
    }
  }

  private static List<String> strings(JsonNode array, String field) {
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new WireException(field + ": expected an array");
    }
    List<String> out = new ArrayList<>(array.size());
    array.forEach(v -> out.add(v.asText()));
    return List.copyOf(out);
  }

  private static <T> T require(T v, String type, String field) {
    return WireValues.require(v, type, field);
  }
}
