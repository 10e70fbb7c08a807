package io.kdp.client.rest;

/**
 * A Kalshi REST call failed. Carries the endpoint, the HTTP status (0 when no response came) and
 * Kalshi's error code and message when the body had them ({@code {"error":{"code":...}}} or the
 * bare object). Subclasses say why; a plain instance is a permanent client error such as 400.
 */
public class KalshiApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String endpoint;
  private final int status;
  private final String errorCode;
  private final String errorMessage;

  public KalshiApiException(
      String message, String endpoint, int status, String errorCode, String errorMessage) {
    this(message, endpoint, status, errorCode, errorMessage, null);
  }

  public KalshiApiException(
      String message,
      String endpoint,
      int status,
      String errorCode,
      String errorMessage,
      Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
    this.status = status;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
  }

  /** Method and path of the call, e.g. {@code GET /trade-api/v2/markets/X}, without query. */
  public String endpoint() {
    return endpoint;
  }

  /** HTTP status, or 0 when the call failed before a response. */
  public int status() {
    return status;
  }

  /** Kalshi's error code such as {@code market_not_found}, or {@code null}. */
  public String errorCode() {
    return errorCode;
  }

  /** Kalshi's error message, or {@code null}. */
  public String errorMessage() {
    return errorMessage;
  }
}
