package io.kdp.client.ws;

import io.kdp.client.ws.CommandCorrelator.Sent;
import io.kdp.client.ws.SubscriptionRegistry.Entry;
import io.kdp.client.ws.message.CommandReply;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the server's subscriptions in line with the {@link SubscriptionRegistry}: sends subscribes
 * and updates, and decides what replies mean for the desired subscriptions. A {@code subscribed}
 * binds the sid and, if the owner changed the market set while the subscribe was in flight, sends
 * the difference. An {@code error} for the desired subscriptions, in one place: 10 (channel error)
 * and 25 (subscription buffer overflow) are terminal for that sid, so subscribe again; 26 (market
 * limit) cannot be fixed by retrying, so the owner must shard further; 6 (already subscribed, seen
 * in production though the spec calls it retired) means the subscription exists, so it counts as
 * acknowledged and its sid is looked up with {@code list_subscriptions}; any other error answering
 * a subscribe is permanent and removes the subscription. Errors answering other commands only fail
 * their future.
 */
final class SubscriptionSync {

  static final int ALREADY_SUBSCRIBED = 6, CHANNEL_ERROR = 10, BUFFER_OVERFLOW = 25;
  static final int MARKET_LIMIT = 26;

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionSync.class);

  private SubscriptionSync() {}

  /** Sends a command on the current connection; its future completes with the reply. */
  static CompletableFuture<CommandReply> command(
      KalshiWsClient client, Sent sent, IntFunction<String> text) {
    if (!client.connected()) {
      return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
    }
    CompletableFuture<CommandReply> f = new CompletableFuture<>();
    int id = client.current().commands.register(sent, f);
    client.current().send(text.apply(id));
    return f;
  }

  /** A reply arrived on {@code s}; {@code sent} is the command it answers (null if none). */
  static void replied(KalshiWsClient client, WsSession s, CommandReply reply, Sent sent) {
    switch (reply) {
      case CommandReply.Subscribed sub when sent != null && sent.subscription() != null ->
          subscribed(client, s, sub, sent);
      case CommandReply.Error err -> error(client, s, err, sent);
      default -> {}
    }
  }

  static CompletableFuture<CommandReply> unsubscribe(KalshiWsClient client, WsSubscription sub) {
    return client.loop.callAsync(
        () -> {
          Entry e = client.registry.get(sub);
          client.registry.remove(sub);
          client.updateLive("unsubscribe");
          if (e == null || e.sid == 0 || !client.connected()) {
            return CompletableFuture.completedFuture(null);
          }
          client.current().seq().forget(e.sid);
          return command(
              client,
              new Sent("unsubscribe", sub, e.markets()),
              id -> WsCommands.unsubscribe(id, List.of(e.sid)));
        });
  }

  static void subscribe(KalshiWsClient client, Entry e) {
    List<String> markets = e.markets();
    command(
        client,
        new Sent("subscribe", e.handle, markets),
        id -> WsCommands.subscribe(id, List.of(e.handle.channel()), markets, e.initialSnapshot));
  }

  static CompletableFuture<CommandReply> sendUpdate(
      KalshiWsClient client, Entry e, String action, List<String> mkts) {
    return command(
        client,
        new Sent(action, e.handle, mkts),
        id -> WsCommands.updateSubscription(id, e.sid, action, mkts));
  }

  /** add_markets / delete_markets / get_snapshot: the registry first, then the server. */
  static CompletableFuture<CommandReply> update(
      KalshiWsClient client, WsSubscription sub, String action, Collection<String> markets) {
    return client.loop.callAsync(
        () -> {
          Entry e = client.registry.get(sub);
          if (e == null) {
            return CompletableFuture.failedFuture(
                new IllegalArgumentException("not a subscription of this client: " + sub));
          }
          List<String> list = List.copyOf(markets);
          switch (action) {
            case WsCommands.ADD_MARKETS -> list = list.stream().filter(e.markets::add).toList();
            case WsCommands.DELETE_MARKETS ->
                list = list.stream().filter(e.markets::remove).toList();
            default -> {}
          }
          if (e.sid == 0 || !client.connected()) {
            return action.equals(WsCommands.GET_SNAPSHOT)
                ? CompletableFuture.failedFuture(
                    new IllegalStateException("no sid on the current connection for " + sub))
                : CompletableFuture.completedFuture(null);
          }
          return list.isEmpty()
              ? CompletableFuture.completedFuture(null)
              : sendUpdate(client, e, action, list);
        });
  }

  static void subscribed(
      KalshiWsClient client, WsSession s, CommandReply.Subscribed reply, Sent sent) {
    SubscriptionRegistry registry = client.registry;
    Entry e = registry.get(sent.subscription());
    if (e == null) { // unsubscribed while the subscribe was in flight
      command(
          client,
          new Sent("unsubscribe", sent.subscription(), List.of()),
          id -> WsCommands.unsubscribe(id, List.of(reply.sid())));
      return;
    }
    s.seq().forget(reply.sid());
    registry.bind(e, reply.sid());
    List<String> added = new ArrayList<>(e.markets);
    added.removeAll(sent.markets());
    List<String> removed = new ArrayList<>(sent.markets());
    removed.removeAll(e.markets);
    if (!added.isEmpty()) {
      sendUpdate(client, e, WsCommands.ADD_MARKETS, added);
    }
    if (!removed.isEmpty()) {
      sendUpdate(client, e, WsCommands.DELETE_MARKETS, removed);
    }
    client.updateLive("subscribed " + e.handle.channel() + " sid " + reply.sid());
  }

  static void error(KalshiWsClient client, WsSession s, CommandReply.Error err, Sent sent) {
    SubscriptionRegistry registry = client.registry;
    Entry e =
        err.sid() != 0 && registry.bySid(err.sid()) != null
            ? registry.bySid(err.sid())
            : sent != null && sent.subscription() != null
                ? registry.get(sent.subscription())
                : null;
    if (e == null) {
      LOG.warn("error reply {} for no known subscription", err);
      return;
    }
    if (err.code() == ALREADY_SUBSCRIBED && sent != null && sent.cmd().equals("subscribe")) {
      alreadySubscribed(client, s, e);
      return;
    }
    switch (err.code()) {
      case CHANNEL_ERROR, BUFFER_OVERFLOW -> {
        LOG.warn(
            "{} sid {}: error {} ({}); subscribing again",
            e.handle,
            e.sid,
            err.code(),
            err.message());
        if (e.sid != 0) {
          s.seq().forget(e.sid);
        }
        registry.unbind(e);
        subscribe(client, e);
        client.updateLive("resubscribe after error " + err.code());
      }
      case MARKET_LIMIT -> {
        if (sent != null && WsCommands.ADD_MARKETS.equals(sent.cmd())) {
          sent.markets().forEach(e.markets::remove);
          client.events.onShardFurther(e.handle, sent.markets(), err);
        } else {
          registry.remove(e.handle);
          client.updateLive("subscription over the market limit");
          client.events.onShardFurther(e.handle, e.markets(), err);
        }
      }
      default -> {
        if (sent != null && sent.cmd().equals("subscribe")) {
          registry.remove(e.handle);
          client.updateLive("subscription rejected");
          client.events.onSubscriptionRejected(e.handle, err);
        }
      }
    }
  }

  /**
   * The server already has this subscription: acknowledge it, then bind the sid when {@code
   * list_subscriptions} shows exactly one subscription of the channel that no desired subscription
   * holds. Otherwise (the owner asked twice for one subscription) it stays without a sid: its data
   * arrives on the other one's.
   */
  private static void alreadySubscribed(KalshiWsClient client, WsSession s, Entry e) {
    SubscriptionRegistry registry = client.registry;
    registry.bind(e, 0);
    client.updateLive("already subscribed " + e.handle.channel());
    command(client, new Sent("list_subscriptions", null, List.of()), WsCommands::listSubscriptions)
        .thenAccept(
            reply -> {
              if (!(reply instanceof CommandReply.SubscriptionList list)
                  || client.current() != s
                  || registry.get(e.handle) != e
                  || e.sid != 0) {
                return;
              }
              List<Integer> free =
                  list.subscriptions().stream()
                      .filter(x -> x.channel().equals(e.handle.channel()))
                      .map(CommandReply.Subscription::sid)
                      .filter(sid -> registry.bySid(sid) == null)
                      .toList();
              if (free.size() == 1) {
                registry.bind(e, free.getFirst());
              }
              LOG.info(
                  "{}: already subscribed (error 6); {}",
                  e.handle,
                  free.size() == 1
                      ? "bound to the existing sid " + free.getFirst()
                      : "another desired subscription holds its sid");
            });
  }
}
