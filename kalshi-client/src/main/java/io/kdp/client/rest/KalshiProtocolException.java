package io.kdp.client.rest;

/**
 * Kalshi answered something the client cannot use: a body that does not decode, or a cursor that
 * repeats.
 */
public final class KalshiProtocolException extends KalshiApiException {

  private static final long serialVersionUID = 1L;

  public KalshiProtocolException(
      String message,
      String endpoint,
      int status,
      String errorCode,
      String errorMessage,
      Throwable cause) {
    super(message, endpoint, status, errorCode, errorMessage, cause);
  }
}
