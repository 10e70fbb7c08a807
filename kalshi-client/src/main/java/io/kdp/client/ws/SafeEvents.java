package io.kdp.client.ws;

import io.kdp.client.rest.KalshiAuthException;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.CommandReply;
import io.kdp.client.ws.message.RawFrame;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wraps the owner's {@link WsEvents} so that an exception there is logged, never fatal. */
final class SafeEvents implements WsEvents {

  private static final Logger LOG = LoggerFactory.getLogger(SafeEvents.class);

  private final WsEvents target;

  SafeEvents(WsEvents target) {
    this.target = target;
  }

  @Override
  public void onMessage(ChannelMessage message, long receivedAtMicros, long connection) {
    safely(() -> target.onMessage(message, receivedAtMicros, connection), "onMessage");
  }

  @Override
  public void onReply(CommandReply reply) {
    safely(() -> target.onReply(reply), "onReply");
  }

  @Override
  public void onRawFrame(RawFrame frame, long receivedAtMicros, long connection) {
    safely(() -> target.onRawFrame(frame, receivedAtMicros, connection), "onRawFrame");
  }

  @Override
  public void onGap(SequenceGap gap) {
    safely(() -> target.onGap(gap), "onGap");
  }

  @Override
  public void onStateChange(WsConnectionState from, WsConnectionState to, String reason) {
    safely(() -> target.onStateChange(from, to, reason), "onStateChange");
  }

  @Override
  public void onHeartbeat(long receivedAtMicros, long connection) {
    safely(() -> target.onHeartbeat(receivedAtMicros, connection), "onHeartbeat");
  }

  @Override
  public void onShardFurther(
      WsSubscription subscription, List<String> markets, CommandReply.Error error) {
    safely(() -> target.onShardFurther(subscription, markets, error), "onShardFurther");
  }

  @Override
  public void onSubscriptionRejected(WsSubscription subscription, CommandReply.Error error) {
    safely(() -> target.onSubscriptionRejected(subscription, error), "onSubscriptionRejected");
  }

  @Override
  public void onFailed(KalshiAuthException error) {
    safely(() -> target.onFailed(error), "onFailed");
  }

  private static void safely(Runnable call, String what) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("WsEvents.{} threw; continuing: {}", what, e.toString(), e);
    }
  }
}
