package io.kdp.client.ws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdp.client.json.KalshiJson;
import java.util.Collection;

/**
 * The JSON text of the commands we send ({@code {"id":1,"cmd":"subscribe","params":{...}}}). Market
 * lists always go as {@code market_tickers} and sids as {@code sids:[x]} (Kalshi accepts both
 * spellings).
 */
public final class WsCommands {

  /** {@code update_subscription} actions. */
  public static final String ADD_MARKETS = "add_markets",
      DELETE_MARKETS = "delete_markets",
      GET_SNAPSHOT = "get_snapshot";

  private WsCommands() {}

  /**
   * {@code subscribe}; an empty {@code tickers} means every market (ticker/trade) or is required to
   * be empty (lifecycle channels).
   */
  public static String subscribe(
      int id, Collection<String> channels, Collection<String> tickers, boolean initialSnapshot) {
    ObjectNode params = KalshiJson.mapper().createObjectNode();
    strings(params.putArray("channels"), channels);
    if (!tickers.isEmpty()) {
      strings(params.putArray("market_tickers"), tickers);
    }
    if (initialSnapshot) {
      params.put("send_initial_snapshot", true);
    }
    return command(id, "subscribe", params);
  }

  /** {@code unsubscribe} of the given sids. */
  public static String unsubscribe(int id, Collection<Integer> sids) {
    ObjectNode params = KalshiJson.mapper().createObjectNode();
    ArrayNode a = params.putArray("sids");
    sids.forEach(a::add);
    return command(id, "unsubscribe", params);
  }

  /** {@code update_subscription} with one of {@link #ADD_MARKETS} and friends. */
  public static String updateSubscription(
      int id, int sid, String action, Collection<String> tickers) {
    ObjectNode params = KalshiJson.mapper().createObjectNode();
    params.putArray("sids").add(sid);
    strings(params.putArray("market_tickers"), tickers);
    params.put("action", action);
    return command(id, "update_subscription", params);
  }

  /** {@code list_subscriptions}. */
  public static String listSubscriptions(int id) {
    return command(id, "list_subscriptions", null);
  }

  private static String command(int id, String cmd, ObjectNode params) {
    ObjectNode root = KalshiJson.mapper().createObjectNode();
    root.put("id", id);
    root.put("cmd", cmd);
    if (params != null) {
      root.set("params", params);
    }
    return root.toString();
  }

  private static void strings(ArrayNode into, Collection<String> values) {
    values.forEach(into::add);
  }
}
