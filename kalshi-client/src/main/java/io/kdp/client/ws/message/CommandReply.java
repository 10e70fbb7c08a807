package io.kdp.client.ws.message;

import java.util.List;

/** Replies to our commands; {@code id} echoes the command id (0 when the server sent none). */
public sealed interface CommandReply extends KalshiWsMessage {

  /** The id of the command this answers. */
  int id();

  /** {@code {"id":1,"type":"subscribed","msg":{"channel":"orderbook_delta","sid":1}}} */
  record Subscribed(int id, String channel, int sid) implements CommandReply {}

  /** {@code {"id":4,"sid":2,"seq":7,"type":"unsubscribed"}} */
  record Unsubscribed(int id, int sid, long seq) implements CommandReply {}

  /**
   * {@code {"id":5,"sid":456,"seq":222,"type":"ok","msg":{"market_tickers":["M-1","M-2"]}}}: the
   * full market list of the subscription after an {@code update_subscription}.
   */
  record Ok(int id, int sid, long seq, List<String> marketTickers) implements CommandReply {}

  /** {@code {"id":8,"type":"ok","msg":[{"channel":"orderbook_delta","sid":1}]}} */
  record SubscriptionList(int id, List<Subscription> subscriptions) implements CommandReply {}

  /** One entry of a {@link SubscriptionList}. */
  record Subscription(String channel, int sid) {}

  /**
   * {@code {"id":9,"type":"error","msg":{"code":7,"msg":"Unknown subscription ID"}}}; {@code sid}
   * is 0 and {@code marketTicker} null when the server does not say.
   */
  record Error(int id, int sid, int code, String message, String marketTicker)
      implements CommandReply {}
}
