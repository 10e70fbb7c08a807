package io.kdp.client.rest;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket for one API key, shared by every thread that calls Kalshi with that key: {@code
 * ratePerSecond} permits a second with bursts of up to {@code burst}. Implemented as a generic cell
 * rate algorithm on a monotonic clock (no refill thread, no {@code double}): a caller reserves the
 * next free slot and waits for it, so waiters are served in arrival order; a caller whose wait
 * would exceed its bound reserves nothing and fails.
 */
public final class TokenBucket {

  private final long intervalNanos;
  private final long toleranceNanos;
  private final LongSupplier nanoClock;
  private final Sleeper sleeper;
  private long theoreticalArrival;

  /**
   * @param ratePerSecond permits per second, at least 1
   * @param burst permits that may be taken at once after an idle second, at least 1
   * @param nanoClock a monotonic clock ({@code System::nanoTime})
   * @param sleeper how to wait
   */
  public TokenBucket(int ratePerSecond, int burst, LongSupplier nanoClock, Sleeper sleeper) {
    if (ratePerSecond < 1 || burst < 1) {
      throw new IllegalArgumentException(
          "rate and burst must be >= 1: rate=" + ratePerSecond + " burst=" + burst);
    }
    this.intervalNanos = 1_000_000_000L / ratePerSecond;
    this.toleranceNanos = (burst - 1) * intervalNanos;
    this.nanoClock = nanoClock;
    this.sleeper = sleeper;
    this.theoreticalArrival = nanoClock.getAsLong();
  }

  /** A bucket on the system clock with a one-second burst. */
  public static TokenBucket perSecond(int ratePerSecond) {
    return new TokenBucket(ratePerSecond, ratePerSecond, System::nanoTime, Sleeper.SYSTEM);
  }

  /**
   * Takes one permit, waiting for it if need be.
   *
   * @param maxWait the longest this caller will wait
   * @throws KalshiRateLimitException if the permit is further away than {@code maxWait}
   * @throws KalshiUnavailableException if interrupted while waiting (the interrupt flag is kept)
   */
  public void acquire(Duration maxWait) {
    long wait = reserve(maxWait.toNanos());
    if (wait < 0) {
      throw new KalshiRateLimitException(
          "local rate limit: no request slot within " + maxWait, null, 0, null, null, null);
    }
    if (wait > 0) {
      try {
        sleeper.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KalshiUnavailableException(
            "interrupted while waiting for a request slot", null, 0, null, null, e);
      }
    }
  }

  /** Reserves a slot; returns the nanoseconds to wait for it, or -1 if that exceeds the bound. */
  synchronized long reserve(long maxWaitNanos) {
    long now = nanoClock.getAsLong();
    long tat = Math.max(theoreticalArrival, now);
    long wait = Math.max(0, tat - toleranceNanos - now);
    if (wait > maxWaitNanos) {
      return -1;
    }
    theoreticalArrival = tat + intervalNanos;
    return wait;
  }
}
