package io.kdp.client.ws;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with "equal jitter": attempt {@code n} waits a uniformly random time
 * in {@code [d/2, d]} where {@code d = min(max, initial * 2^n)}, so a fleet of clients reconnecting
 * after one outage spreads out. {@link #reset()} after a good subscribe.
 */
final class Backoff {

  private final long initialMillis;
  private final long maxMillis;
  private final RandomGenerator random;
  private int attempt;

  Backoff(Duration initial, Duration max, RandomGenerator random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < initial <= max: " + initial + ", " + max);
    }
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.random = random;
  }

  /** The delay before the next attempt; each call counts one attempt. */
  long nextDelayMillis() {
    long ceiling = initialMillis << Math.min(attempt, 30);
    if (ceiling <= 0 || ceiling > maxMillis) {
      ceiling = maxMillis;
    }
    attempt++;
    long half = ceiling / 2;
    return half + random.nextLong(ceiling - half + 1);
  }

  /** Attempts made since the last reset. */
  int attempts() {
    return attempt;
  }

  void reset() {
    attempt = 0;
  }
}
