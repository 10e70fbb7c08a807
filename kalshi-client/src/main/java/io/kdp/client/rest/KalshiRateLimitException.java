package io.kdp.client.rest;

/**
 * Rate limited: the local token bucket could not grant a request in time, or Kalshi kept answering
 * 429 beyond the retry budget.
 */
public final class KalshiRateLimitException extends KalshiApiException {

  private static final long serialVersionUID = 1L;

  public KalshiRateLimitException(
      String message,
      String endpoint,
      int status,
      String errorCode,
      String errorMessage,
      Throwable cause) {
    super(message, endpoint, status, errorCode, errorMessage, cause);
  }
}
