package io.kdp.dedup.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try an unreachable gatherer again: exponential from {@code initial} up to {@code max},
 * with up to 20% jitter, reset by a good read.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private Duration current;
  private Instant next = Instant.MIN;
  private int failures;

  public Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.current = initial;
  }

  /** Whether a try is due at {@code now}. */
  public boolean due(Instant now) {
    return !now.isBefore(next);
  }

  /** Records a failure at {@code now}; the next try waits longer. */
  public void failed(Instant now) {
    failures++;
    long jitter = (long) (current.toMillis() * 0.2 * ThreadLocalRandom.current().nextDouble());
    next = now.plus(current).plusMillis(jitter);
    Duration doubled = current.multipliedBy(2);
    current = doubled.compareTo(max) > 0 ? max : doubled;
  }

  /** Records a good read. */
  public void succeeded() {
    failures = 0;
    current = initial;
    next = Instant.MIN;
  }

  /** Consecutive failures so far. */
  public int failures() {
    return failures;
  }
}
