package io.kdp.client.auth;

/**
 * A private key could not be read or used. The message names the file and the problem, never the
 * key's content.
 */
public final class KalshiKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KalshiKeyException(String message) {
    super(message);
  }

  public KalshiKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
