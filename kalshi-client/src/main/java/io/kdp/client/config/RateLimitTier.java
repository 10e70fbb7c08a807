package io.kdp.client.config;

import java.util.Locale;

/**
 * Kalshi's per-key request limits (docs {@code getting_started/rate_limits}): reads and writes per
 * second. The named tiers are Kalshi's; {@link #custom} serves a key with negotiated limits or a
 * simulator.
 *
 * @param name tier name, lower case
 * @param readPerSecond read requests per second
 * @param writePerSecond order-mutating requests per second
 */
public record RateLimitTier(String name, int readPerSecond, int writePerSecond) {

  /** Signup tier: 20 reads, 10 writes per second. */
  public static final RateLimitTier BASIC = new RateLimitTier("basic", 20, 10);

  /** 30/30. */
  public static final RateLimitTier ADVANCED = new RateLimitTier("advanced", 30, 30);

  /** 100/100. */
  public static final RateLimitTier PREMIER = new RateLimitTier("premier", 100, 100);

  /** 400/400. */
  public static final RateLimitTier PRIME = new RateLimitTier("prime", 400, 400);

  public RateLimitTier {
    if (readPerSecond <= 0 || writePerSecond <= 0) {
      throw new IllegalArgumentException(
          "rate limits must be positive: read=" + readPerSecond + " write=" + writePerSecond);
    }
  }

  /** Limits that are not one of Kalshi's named tiers. */
  public static RateLimitTier custom(int readPerSecond, int writePerSecond) {
    return new RateLimitTier("custom", readPerSecond, writePerSecond);
  }

  /**
   * A named tier: {@code basic}, {@code advanced}, {@code premier} or {@code prime} (any case).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static RateLimitTier named(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "basic" -> BASIC;
      case "advanced" -> ADVANCED;
      case "premier" -> PREMIER;
      case "prime" -> PRIME;
      default ->
          throw new IllegalArgumentException(
              "unknown rate-limit tier \"" + name + "\" (basic, advanced, premier, prime)");
    };
  }
}
