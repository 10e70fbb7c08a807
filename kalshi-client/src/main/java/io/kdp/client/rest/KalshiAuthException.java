package io.kdp.client.rest;

/**
 * 401 or 403: the key id, the private key, the clock or the key's scope is wrong; never retried.
 */
public final class KalshiAuthException extends KalshiApiException {

  private static final long serialVersionUID = 1L;

  public KalshiAuthException(
      String message,
      String endpoint,
      int status,
      String errorCode,
      String errorMessage,
      Throwable cause) {
    super(message, endpoint, status, errorCode, errorMessage, cause);
  }
}
