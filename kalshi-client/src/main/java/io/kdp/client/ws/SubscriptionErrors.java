package io.kdp.client.ws;

import io.kdp.client.ws.CommandCorrelator.Sent;
import io.kdp.client.ws.SubscriptionRegistry.Entry;
import io.kdp.client.ws.message.CommandReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an {@code error} reply means for the desired subscriptions, in one place: 10 (channel error)
 * and 25 (subscription buffer overflow) are terminal for that sid, so subscribe again; 26 (market
 * limit) cannot be fixed by retrying, so the owner must shard further; any other error answering a
 * subscribe is permanent and removes the subscription. Errors answering other commands only fail
 * their future.
 */
final class SubscriptionErrors {

  static final int CHANNEL_ERROR = 10, BUFFER_OVERFLOW = 25, MARKET_LIMIT = 26;

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionErrors.class);

  private SubscriptionErrors() {}

  static void handle(KalshiWsClient client, WsSession s, CommandReply.Error err, Sent sent) {
    SubscriptionRegistry registry = client.registry();
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
        client.sendSubscribe(e);
        client.updateLive("resubscribe after error " + err.code());
      }
      case MARKET_LIMIT -> {
        if (sent != null && WsCommands.ADD_MARKETS.equals(sent.cmd())) {
          sent.markets().forEach(e.markets::remove);
          client.events().onShardFurther(e.handle, sent.markets(), err);
        } else {
          registry.remove(e.handle);
          client.updateLive("subscription over the market limit");
          client.events().onShardFurther(e.handle, e.markets(), err);
        }
      }
      default -> {
        if (sent != null && sent.cmd().equals("subscribe")) {
          registry.remove(e.handle);
          client.updateLive("subscription rejected");
          client.events().onSubscriptionRejected(e.handle, err);
        }
      }
    }
  }
}
