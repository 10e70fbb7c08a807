package io.kdp.client.rest;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** A {@link RestMetricsListener} that counts: attempts, 429s, retries and final failures. */
public final class RestCallCounts implements RestMetricsListener {

  private final LongAdder attempts = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder failures = new LongAdder();

  /** The counts at one moment. */
  public record Snapshot(long attempts, long rateLimited, long retries, long failures) {}

  @Override
  public void onAttempt(String endpoint, int status, Duration elapsed) {
    attempts.increment();
  }

  @Override
  public void onRateLimited(String endpoint) {
    rateLimited.increment();
  }

  @Override
  public void onRetry(String endpoint, Outcome outcome, Duration delay) {
    retries.increment();
  }

  @Override
  public void onFailure(String endpoint, KalshiApiException failure) {
    failures.increment();
  }

  public Snapshot snapshot() {
    return new Snapshot(attempts.sum(), rateLimited.sum(), retries.sum(), failures.sum());
  }
}
