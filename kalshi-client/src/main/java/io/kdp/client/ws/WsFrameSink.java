package io.kdp.client.ws;

/**
 * Receives every text frame exactly as it arrived, before decoding (the gatherer journals them).
 * Called on the client's thread, in arrival order; must not block for long.
 */
@FunctionalInterface
public interface WsFrameSink {

  /** A sink that keeps nothing. */
  WsFrameSink NONE = (text, receivedAtMicros, connection) -> {};

  void onFrame(String text, long receivedAtMicros, long connection);
}
