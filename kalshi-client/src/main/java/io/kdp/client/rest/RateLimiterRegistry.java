package io.kdp.client.rest;

import io.kdp.client.config.RateLimitTier;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * One {@link TokenBucket} per API key id, so every client built with the same key shares one
 * budget. Unauthenticated clients share the bucket of {@link #ANONYMOUS}. The read limit of the
 * key's tier sets the rate (the platform only reads). Pass one registry to every client of a
 * process, or use {@link #shared()}.
 */
public final class RateLimiterRegistry {

  /** Bucket key of clients without credentials. */
  public static final String ANONYMOUS = "<anonymous>";

  private static final RateLimiterRegistry SHARED = new RateLimiterRegistry(TokenBucket::perSecond);

  private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final Function<Integer, TokenBucket> factory;

  /**
   * @param factory makes the bucket for a rate in requests per second
   */
  public RateLimiterRegistry(Function<Integer, TokenBucket> factory) {
    this.factory = factory;
  }

  /** The process-wide registry. */
  public static RateLimiterRegistry shared() {
    return SHARED;
  }

  /**
   * The bucket of {@code keyId} (empty: anonymous), created at the tier's read rate on first use;
   * later callers get the same bucket whatever tier they pass.
   */
  public TokenBucket forKey(Optional<String> keyId, RateLimitTier tier) {
    return buckets.computeIfAbsent(
        keyId.orElse(ANONYMOUS), k -> factory.apply(tier.readPerSecond()));
  }
}
