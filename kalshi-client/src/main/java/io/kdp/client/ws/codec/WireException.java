package io.kdp.client.ws.codec;

/** A frame that is JSON but not what Kalshi's schema says; its message becomes the raw reason. */
final class WireException extends RuntimeException {

  WireException(String message) {
    super(message, null, false, false);
  }
}
