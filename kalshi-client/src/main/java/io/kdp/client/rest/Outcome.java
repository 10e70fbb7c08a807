package io.kdp.client.rest;

/** What one HTTP attempt came to, as {@link ErrorClassifier} sees it. */
public enum Outcome {
  /** 2xx. */
  SUCCESS(false),
  /** 429: wait ({@code Retry-After} or backoff) and retry. */
  RATE_LIMITED(true),
  /** 408, 5xx (not 501/505): retry with backoff. */
  SERVER_ERROR(true),
  /** Connection refused or reset, timeout, EOF: retry with backoff. */
  IO_ERROR(true),
  /** 401/403: stop, the credentials are wrong. */
  AUTH_FAILED(false),
  /** 404. */
  NOT_FOUND(false),
  /** Any other status: the request is wrong (400, 409, 501...). */
  CLIENT_ERROR(false);

  private final boolean retriable;

  Outcome(boolean retriable) {
    this.retriable = retriable;
  }

  /** Whether an idempotent call may be sent again. */
  public boolean retriable() {
    return retriable;
  }
}
