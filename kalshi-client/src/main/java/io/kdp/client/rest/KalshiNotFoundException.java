package io.kdp.client.rest;

/** 404: unknown (or archived, see {@code /historical}) ticker or path; never retried. */
public final class KalshiNotFoundException extends KalshiApiException {

  private static final long serialVersionUID = 1L;

  public KalshiNotFoundException(
      String message,
      String endpoint,
      int status,
      String errorCode,
      String errorMessage,
      Throwable cause) {
    super(message, endpoint, status, errorCode, errorMessage, cause);
  }
}
