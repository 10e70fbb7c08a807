package io.kdp.gatherer.config;

/** Kalshi's REST rate-limit tiers (kalshi-api.md §5): read requests per second. */
public enum RateTier {
  BASIC(20),
  ADVANCED(30),
  PREMIER(100),
  PRIME(400);

  private final int readsPerSecond;

  RateTier(int readsPerSecond) {
    this.readsPerSecond = readsPerSecond;
  }

  /** Read requests per second allowed by this tier. */
  public int readsPerSecond() {
    return readsPerSecond;
  }
}
