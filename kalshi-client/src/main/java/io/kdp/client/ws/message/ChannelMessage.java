package io.kdp.client.ws.message;

/**
 * Data on a subscription: the envelope's {@code sid} and {@code seq} ({@link
 * KalshiWsMessage#NO_SEQ} on unsequenced channels) plus the message body.
 */
public sealed interface ChannelMessage extends KalshiWsMessage
    permits OrderbookSnapshot,
        OrderbookDelta,
        TradeMessage,
        TickerMessage,
        MarketLifecycle,
        EventLifecycle,
        EventFeeUpdate {

  /** Subscription id, per connection. */
  int sid();

  /** Sequence number within the subscription, or {@link KalshiWsMessage#NO_SEQ}. */
  long seq();
}
