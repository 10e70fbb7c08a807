package io.kdp.sim.rest;

/** A request the exchange refuses, answered with {@code {"error":{code,message,service}}}. */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final int retryAfterSeconds;

  public ApiException(int status, String code, String message) {
    this(status, code, message, 0);
  }

  /** An error that tells the client when to retry ({@code Retry-After}, seconds; 0 = none). */
  public ApiException(int status, String code, String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "invalid_parameters", message);
  }

  static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " not found");
  }
}
