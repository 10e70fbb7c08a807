package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.config.RateLimitTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  /** A fake monotonic clock that the sleeper advances: waits are recorded, never slept. */
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  final List<Duration> waits = new ArrayList<>();
  final Sleeper advancing =
      d -> {
        waits.add(d);
        nanos.addAndGet(d.toNanos());
      };

  @Test
  void burstThenOneSlotPerInterval() {
    TokenBucket bucket = new TokenBucket(10, 3, nanos::get, advancing);
    for (int i = 0; i < 6; i++) {
      bucket.acquire(Duration.ofSeconds(1));
    }
    assertThat(waits)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100));
  }

  @Test
  void refillsAfterIdleButNeverBeyondTheBurst() {
    TokenBucket bucket = new TokenBucket(20, 20, nanos::get, advancing);
    for (int i = 0; i < 20; i++) {
      bucket.acquire(Duration.ZERO);
    }
    assertThat(waits).isEmpty();
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    for (int i = 0; i < 20; i++) {
      bucket.acquire(Duration.ZERO);
    }
    assertThat(waits).isEmpty();
    assertThatThrownBy(() -> bucket.acquire(Duration.ofMillis(49)))
        .isInstanceOf(KalshiRateLimitException.class)
        .hasMessage("local rate limit: no request slot within PT0.049S");
    bucket.acquire(Duration.ofMillis(50));
    assertThat(waits).containsExactly(Duration.ofMillis(50));
  }

  @Test
  void reservationsQueueWaitersInArrivalOrder() {
    TokenBucket bucket = new TokenBucket(4, 1, nanos::get, d -> {});
    assertThat(bucket.reserve(Long.MAX_VALUE)).isZero();
    assertThat(bucket.reserve(Long.MAX_VALUE)).isEqualTo(250_000_000L);
    assertThat(bucket.reserve(Long.MAX_VALUE)).isEqualTo(500_000_000L);
    assertThat(bucket.reserve(400_000_000L)).as("too far: nothing reserved").isEqualTo(-1);
    assertThat(bucket.reserve(Long.MAX_VALUE)).isEqualTo(750_000_000L);
  }

  @Test
  void concurrentCallersGetDistinctSlots() throws Exception {
    TokenBucket bucket = new TokenBucket(100, 1, nanos::get, d -> {});
    List<Long> slots = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < 25; i++) {
                      slots.add(bucket.reserve(Long.MAX_VALUE));
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 200; i++) {
      expected.add(i * 10_000_000L);
    }
    assertThat(slots)
        .as("no slot lost or handed out twice")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void oneBucketPerKeyAcrossClients() {
    RateLimiterRegistry registry = new RateLimiterRegistry(TokenBucket::perSecond);
    TokenBucket a = registry.forKey(Optional.of("key-1"), RateLimitTier.BASIC);
    assertThat(registry.forKey(Optional.of("key-1"), RateLimitTier.PRIME)).isSameAs(a);
    assertThat(registry.forKey(Optional.of("key-2"), RateLimitTier.BASIC)).isNotSameAs(a);
    assertThat(registry.forKey(Optional.empty(), RateLimitTier.BASIC))
        .isSameAs(registry.forKey(Optional.empty(), RateLimitTier.BASIC))
        .isNotSameAs(a);
  }
}
