package io.kdp.client.ws;

import io.kdp.client.ws.message.KalshiWsMessage;

/**
 * Receives every text frame exactly as it arrived (the gatherer journals them), with the message
 * the client decoded from it, so nobody decodes a frame twice. Called on the client's thread, in
 * arrival order, before the message is dispatched to {@link WsEvents}; must not block for long.
 */
@FunctionalInterface
public interface WsFrameSink {

  /** A sink that keeps nothing. */
  WsFrameSink NONE = (text, receivedAtMicros, connection) -> {};

  void onFrame(String text, long receivedAtMicros, long connection);

  /**
   * The frame and the client's decoding of it (a {@link io.kdp.client.ws.message.RawFrame} when it
   * did not decode; the same immutable instance the client dispatches). By default the decoded
   * message is ignored.
   */
  default void onFrame(
      String text, KalshiWsMessage decoded, long receivedAtMicros, long connection) {
    onFrame(text, receivedAtMicros, connection);
  }
}
