package io.kdp.sim.fault;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-key token buckets (Kalshi's read limit: basic tier 20 requests per second). A bucket holds at
 * most one second of requests. Keys are bounded: past 10,000 idle buckets the map is cleared.
 */
final class TokenBuckets {

  private static final int MAX_KEYS = 10_000;

  private final InstantSource clock;
  private final Map<String, double[]> buckets = new HashMap<>();
  private int perSecond;

  TokenBuckets(InstantSource clock) {
    this.clock = clock;
  }

  synchronized void setPerSecond(int perSecond) {
    this.perSecond = perSecond;
    buckets.clear();
  }

  synchronized int perSecond() {
    return perSecond;
  }

  /** Takes one token for {@code key}; false when the key is over its limit. */
  synchronized boolean tryTake(String key) {
    if (perSecond <= 0) {
      return true;
    }
    if (buckets.size() > MAX_KEYS) {
      buckets.clear();
    }
    long now = clock.millis();
    double[] b = buckets.computeIfAbsent(key, k -> new double[] {perSecond, now});
    b[0] = Math.min(perSecond, b[0] + (now - b[1]) * perSecond / 1000.0);
    b[1] = now;
    if (b[0] < 1) {
      return false;
    }
    b[0] -= 1;
    return true;
  }
}
