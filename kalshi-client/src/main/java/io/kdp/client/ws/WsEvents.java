package io.kdp.client.ws;

import io.kdp.client.rest.KalshiAuthException;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.RawFrame;
import java.util.List;

/**
 * What a {@link KalshiWsClient} tells its owner. All methods are called on the client's own thread,
 * one at a time, in arrival order; the next frame is not read from the socket until the call
 * returns (backpressure on the connection, no queue in between). An exception thrown here is logged
 * and the frame counted as delivered; it never stops the reader.
 */
public interface WsEvents {

  /**
   * Data on a subscription, in order, after duplicate/old {@code seq} were dropped.
   *
   * @param receivedAtMicros the client's clock when the frame arrived
   * @param connection the client's connection number
   */
  default void onMessage(ChannelMessage message, long receivedAtMicros, long connection) {}

  /** A reply to a command (also handed to the command's future). */
  default void onReply(CommandReply reply) {}

  /** A frame that did not decode, or of a type not modelled; it was also journaled. */
  default void onRawFrame(RawFrame frame, long receivedAtMicros, long connection) {}

  /** A hole in a subscription's sequence; the message after the hole follows via onMessage. */
  default void onGap(SequenceGap gap) {}

  default void onStateChange(WsConnectionState from, WsConnectionState to, String reason) {}

  /**
   * A ping (Kalshi's {@code heartbeat}, every 10 s) or a pong arrived on the current connection at
   * {@code receivedAtMicros}: the connection was alive then, and every frame received on it before
   * has already been handed to the frame sink and to {@link #onMessage}.
   */
  default void onHeartbeat(long receivedAtMicros, long connection) {}

  /**
   * Error 26: the subscription's market set is over Kalshi's per-subscription cap. The markets were
   * not (all) subscribed; split them over more subscriptions or connections. For a rejected
   * subscribe the subscription is removed from the registry; for a rejected add, {@code markets}
   * (the ones being added) are taken out of it again.
   */
  default void onShardFurther(
      WsSubscription subscription, List<String> markets, CommandReply.Error error) {}

  /**
   * Any other error answering our subscribe (e.g. 8 unknown channel, 9 authentication required):
   * permanent, so the subscription is removed from the registry.
   */
  default void onSubscriptionRejected(WsSubscription subscription, CommandReply.Error error) {}

  /**
   * The upgrade was refused with 401/403 (wrong key id, key, clock or scope): the client is {@link
   * WsConnectionState#FAILED} and will not reconnect. The error names the key id, never key
   * material.
   */
  default void onFailed(KalshiAuthException error) {}
}
