package io.kdp.sim.ws;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.sim.world.World;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Kalshi's WebSocket commands: {@code subscribe}, {@code unsubscribe}, {@code update_subscription}
 * ({@code add_markets}, {@code delete_markets}, {@code get_snapshot}) and {@code
 * list_subscriptions}, answered with Kalshi's replies and error codes. Runs under the world lock,
 * so a new subscription's snapshot and the deltas after it form one exact sequence.
 */
final class Commands {

  private final World world;
  private final Snapshots snapshots;
  private final int marketCap;
  private final java.util.concurrent.atomic.AtomicLong malformed =
      new java.util.concurrent.atomic.AtomicLong();

  Commands(World world, Snapshots snapshots, int marketCap) {
    this.world = world;
    this.snapshots = snapshots;
    this.marketCap = marketCap;
  }

  /** Commands that were not JSON objects (answered with error 1). */
  long malformed() {
    return malformed.get();
  }

  void handle(WsSession s, String text) {
    JsonNode cmd;
    try {
      cmd = KalshiJson.mapper().readTree(text);
    } catch (Exception e) {
      malformed.incrementAndGet();
      s.reply(error(0, 1, "Unable to process message"));
      return;
    }
    if (cmd == null || !cmd.isObject()) {
      malformed.incrementAndGet();
      s.reply(error(0, 1, "Unable to process message"));
      return;
    }
    int id = cmd.path("id").asInt(0);
    JsonNode params = cmd.get("params");
    switch (cmd.path("cmd").asText("")) {
      case "subscribe" -> world.locked(() -> subscribe(s, id, params));
      case "unsubscribe" -> world.locked(() -> unsubscribe(s, id, params));
      case "update_subscription" -> world.locked(() -> update(s, id, params));
      case "list_subscriptions" -> world.locked(() -> list(s, id));
      default -> s.reply(error(id, 5, "Unknown command"));
    }
    world.locked(s::flush);
  }

  private void subscribe(WsSession s, int id, JsonNode params) {
    if (params == null || !params.isObject()) {
      s.reply(error(id, 2, "Params required"));
      return;
    }
    JsonNode channels = params.get("channels");
    if (channels == null || !channels.isArray() || channels.isEmpty()) {
      s.reply(error(id, 3, "Channels required"));
      return;
    }
    Set<String> tickers = tickers(params);
    for (JsonNode c : channels) {
      String name = c.asText();
      Channel channel = Channel.of(name);
      if (channel == null && !Channel.SILENT.contains(name)) {
        s.reply(error(id, 8, "Unknown channel name"));
        return;
      }
      if (channel == Channel.ORDERBOOK_DELTA && tickers == null) {
        s.reply(error(id, 14, "Market Ticker required"));
        return;
      }
      if (tickers != null && tickers.size() > marketCap) {
        s.reply(error(id, 26, "Subscription market limit exceeded"));
        return;
      }
    }
    for (JsonNode c : channels) {
      Channel channel = Channel.of(c.asText());
      Set<String> markets = channel == Channel.MARKET_LIFECYCLE_V2 ? null : tickers;
      if (covered(s, c.asText(), markets)) {
        s.reply(error(id, 6, "Already subscribed"));
        continue;
      }
      Subscription sub = new Subscription(s.nextSid++, channel, c.asText(), markets);
      s.subscriptions.put(sub.sid, sub);
      s.reply(new CommandReply.Subscribed(id, sub.channelName, sub.sid));
      if (channel == Channel.ORDERBOOK_DELTA) {
        snapshots.books(s, sub, 0, sub.markets);
      } else if (channel == Channel.TICKER
          && params.path("send_initial_snapshot").asBoolean(false)) {
        snapshots.tickers(s, sub, sub.markets);
      }
    }
  }

  /**
   * Whether one of the connection's subscriptions to {@code channel} already covers {@code markets}
   * (null: every market): Kalshi answers such a subscribe with error 6 "Already subscribed".
   */
  private static boolean covered(WsSession s, String channel, Set<String> markets) {
    for (Subscription sub : s.subscriptions.values()) {
      if (sub.channelName.equals(channel)
          && (sub.markets == null || markets != null && sub.markets.containsAll(markets))) {
        return true;
      }
    }
    return false;
  }

  private void unsubscribe(WsSession s, int id, JsonNode params) {
    JsonNode sids = params == null ? null : params.get("sids");
    if (sids == null || !sids.isArray() || sids.isEmpty()) {
      s.reply(error(id, 4, "Subscription IDs required"));
      return;
    }
    for (JsonNode n : sids) {
      Subscription sub = s.subscriptions.remove(n.asInt());
      if (sub == null) {
        s.reply(error(id, 7, "Unknown subscription ID"));
      } else {
        s.reply(new CommandReply.Unsubscribed(id, sub.sid, Math.max(1, sub.seq)));
      }
    }
  }

  private void update(WsSession s, int id, JsonNode params) {
    if (params == null || !params.isObject()) {
      s.reply(error(id, 2, "Params required"));
      return;
    }
    List<Integer> sids = new ArrayList<>();
    if (params.has("sid")) {
      sids.add(params.get("sid").asInt());
    }
    params.path("sids").forEach(n -> sids.add(n.asInt()));
    if (sids.size() != 1) {
      s.reply(error(id, 12, "Exactly one subscription ID is required"));
      return;
    }
    Subscription sub = s.subscriptions.get(sids.get(0));
    if (sub == null) {
      s.reply(error(id, 7, "Unknown subscription ID"));
      return;
    }
    String action = params.path("action").asText("");
    if (action.isEmpty()) {
      s.reply(error(id, 15, "Action required"));
      return;
    }
    Set<String> tickers = tickers(params);
    if (!action.equals("add_markets")
        && !action.equals("delete_markets")
        && !action.equals("get_snapshot")) {
      s.reply(error(id, 13, "Unsupported action"));
      return;
    }
    if (sub.markets == null
        || (action.equals("get_snapshot") && sub.channel != Channel.ORDERBOOK_DELTA)) {
      s.reply(error(id, 13, "Unsupported action"));
      return;
    }
    if (tickers == null) {
      s.reply(error(id, 14, "Market Ticker required"));
      return;
    }
    switch (action) {
      case "add_markets" -> {
        Set<String> added = new LinkedHashSet<>(tickers);
        added.removeAll(sub.markets);
        if (sub.markets.size() + added.size() > marketCap) {
          s.reply(error(id, 26, "Subscription market limit exceeded"));
          return;
        }
        sub.markets.addAll(added);
        if (sub.channel == Channel.ORDERBOOK_DELTA) {
          snapshots.books(s, sub, 0, added);
        } else if (sub.channel == Channel.TICKER
            && params.path("send_initial_snapshot").asBoolean(false)) {
          snapshots.tickers(s, sub, added);
        }
        s.reply(new CommandReply.Ok(id, sub.sid, sub.seq, List.copyOf(sub.markets)));
      }
      case "delete_markets" -> {
        sub.markets.removeAll(tickers);
        s.reply(new CommandReply.Ok(id, sub.sid, sub.seq, List.copyOf(sub.markets)));
      }
      default -> {
        Set<String> wanted = new LinkedHashSet<>(tickers);
        wanted.retainAll(sub.markets);
        snapshots.books(s, sub, id, wanted);
      }
    }
  }

  private static void list(WsSession s, int id) {
    List<CommandReply.Subscription> out = new ArrayList<>();
    for (Subscription sub : s.subscriptions.values()) {
      out.add(new CommandReply.Subscription(sub.channelName, sub.sid));
    }
    s.reply(new CommandReply.SubscriptionList(id, out));
  }

  /** {@code market_ticker} or {@code market_tickers}, or null when neither is given. */
  private static Set<String> tickers(JsonNode params) {
    Set<String> out = new LinkedHashSet<>();
    if (params.hasNonNull("market_ticker")) {
      out.add(params.get("market_ticker").asText());
    }
    params.path("market_tickers").forEach(n -> out.add(n.asText()));
    return out.isEmpty() ? null : out;
  }

  private static CommandReply.Error error(int id, int code, String message) {
    return new CommandReply.Error(id, 0, code, message, null);
  }
}
