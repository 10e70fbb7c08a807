package io.kdp.client.rest;

import java.time.Duration;

/**
 * Hooks for REST metrics (the platform maps them onto Micrometer; this module has no metrics
 * dependency). Called on the calling thread; implementations must be cheap and thread-safe.
 */
public interface RestMetricsListener {

  /** Listens to nothing. */
  RestMetricsListener NONE = new RestMetricsListener() {};

  /** An HTTP attempt finished with {@code status} (0: no response) after {@code elapsed}. */
  default void onAttempt(String endpoint, int status, Duration elapsed) {}

  /** Kalshi answered 429. */
  default void onRateLimited(String endpoint) {}

  /** The call will be retried after {@code delay} because of {@code outcome}. */
  default void onRetry(String endpoint, Outcome outcome, Duration delay) {}

  /** The call failed for good. */
  default void onFailure(String endpoint, KalshiApiException failure) {}
}
