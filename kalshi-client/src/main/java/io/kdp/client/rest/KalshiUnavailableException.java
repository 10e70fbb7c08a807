package io.kdp.client.rest;

/** 5xx or I/O failures beyond the retry budget, or the call was interrupted while waiting. */
public final class KalshiUnavailableException extends KalshiApiException {

  private static final long serialVersionUID = 1L;

  public KalshiUnavailableException(
      String message,
      String endpoint,
      int status,
      String errorCode,
      String errorMessage,
      Throwable cause) {
    super(message, endpoint, status, errorCode, errorMessage, cause);
  }
}
