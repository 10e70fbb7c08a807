package io.kdp.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  final RetryPolicy policy =
      new RetryPolicy(
          5,
          Duration.ofMillis(100),
          Duration.ofMillis(1000),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30));
  final RandomGenerator random = new SplittableRandom(42);

  @Test
  void backoffDoublesWithinEqualJitterAndIsCapped() {
    for (int i = 0; i < 200; i++) {
      assertThat(policy.backoff(1, random).toMillis()).isBetween(50L, 100L);
      assertThat(policy.backoff(2, random).toMillis()).isBetween(100L, 200L);
      assertThat(policy.backoff(3, random).toMillis()).isBetween(200L, 400L);
      assertThat(policy.backoff(5, random).toMillis()).isBetween(500L, 1000L);
      assertThat(policy.backoff(60, random).toMillis()).isBetween(500L, 1000L);
    }
  }

  @Test
  void retryAfterIsHonouredExactlyForRateLimitsOnly() {
    Optional<Duration> twoSeconds = Optional.of(Duration.ofSeconds(2));
    assertThat(policy.nextDelay(1, Outcome.RATE_LIMITED, twoSeconds, Duration.ZERO, random))
        .contains(Duration.ofSeconds(2));
    assertThat(policy.nextDelay(1, Outcome.SERVER_ERROR, twoSeconds, Duration.ZERO, random).get())
        .isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(
            policy.nextDelay(
                1,
                Outcome.RATE_LIMITED,
                Optional.of(Duration.ofSeconds(11)),
                Duration.ZERO,
                random))
        .as("Retry-After beyond maxRetryAfter ends the retries")
        .isEmpty();
  }

  @Test
  void givesUpOnPermanentOutcomesAttemptsAndBudget() {
    assertThat(policy.nextDelay(1, Outcome.AUTH_FAILED, Optional.empty(), Duration.ZERO, random))
        .isEmpty();
    assertThat(policy.nextDelay(1, Outcome.CLIENT_ERROR, Optional.empty(), Duration.ZERO, random))
        .isEmpty();
    assertThat(policy.nextDelay(4, Outcome.IO_ERROR, Optional.empty(), Duration.ZERO, random))
        .isPresent();
    assertThat(policy.nextDelay(5, Outcome.IO_ERROR, Optional.empty(), Duration.ZERO, random))
        .isEmpty();
    assertThat(
            policy.nextDelay(
                1,
                Outcome.RATE_LIMITED,
                Optional.of(Duration.ofSeconds(2)),
                Duration.ofMillis(28_001),
                random))
        .as("the wait would overrun the 30 s budget")
        .isEmpty();
  }

  @Test
  void parsesRetryAfterSecondsAndHttpDates() {
    Instant now = Instant.parse("2026-11-25T16:00:00Z");
    assertThat(RetryPolicy.parseRetryAfter("3", now)).contains(Duration.ofSeconds(3));
    assertThat(RetryPolicy.parseRetryAfter(" 0 ", now)).contains(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("Wed, 25 Nov 2026 16:00:07 GMT", now))
        .contains(Duration.ofSeconds(7));
    assertThat(RetryPolicy.parseRetryAfter("Wed, 25 Nov 2026 15:00:00 GMT", now))
        .contains(Duration.ZERO);
    assertThat(RetryPolicy.parseRetryAfter("soon", now)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter("-1", now)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter(null, now)).isEmpty();
  }
}
