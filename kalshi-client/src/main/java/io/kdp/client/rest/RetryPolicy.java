package io.kdp.client.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to retry an idempotent call: 429 waits {@code Retry-After} when Kalshi sends it (up to
 * {@code maxRetryAfter}), else backs off like 5xx and I/O errors: exponential from {@code
 * initialBackoff}, capped at {@code maxBackoff}, with "equal jitter" (half fixed, half random), at
 * most {@code maxAttempts} attempts and never past {@code budget} of total time.
 *
 * @param maxAttempts attempts including the first
 * @param initialBackoff backoff before the first retry (before jitter)
 * @param maxBackoff cap of one backoff
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one ends the retries
 * @param budget total time a call may spend, waits included
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    Duration budget) {

  /** 6 attempts, 0.5 s doubling to 30 s, Retry-After up to 60 s, 3 minutes in all. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          6,
          Duration.ofMillis(500),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          Duration.ofMinutes(3));

  /** One attempt, no retries. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
  }

  /**
   * The wait before the next attempt, or empty to give up.
   *
   * @param attempt attempts made so far (1 after the first failure)
   * @param outcome what the last attempt came to (must be retriable)
   * @param retryAfter the server's {@code Retry-After}, if any
   * @param elapsed time spent on this call so far
   */
  public Optional<Duration> nextDelay(
      int attempt,
      Outcome outcome,
      Optional<Duration> retryAfter,
      Duration elapsed,
      RandomGenerator random) {
    if (!outcome.retriable() || attempt >= maxAttempts) {
      return Optional.empty();
    }
    Duration delay;
    if (outcome == Outcome.RATE_LIMITED && retryAfter.isPresent()) {
      delay = retryAfter.get();
      if (delay.compareTo(maxRetryAfter) > 0) {
        return Optional.empty();
      }
    } else {
      delay = backoff(attempt, random);
    }
    return elapsed.plus(delay).compareTo(budget) > 0 ? Optional.empty() : Optional.of(delay);
  }

  /**
   * Jittered backoff before retry {@code n} (1-based): in [b/2, b], b = min(cap, base * 2^(n-1)).
   */
  public Duration backoff(int n, RandomGenerator random) {
    long base = initialBackoff.toMillis();
    long capped = maxBackoff.toMillis();
    int shift = Math.min(Math.max(n - 1, 0), 30);
    long exp = base > (capped >> shift) ? capped : base << shift;
    long half = exp / 2;
    return Duration.ofMillis(half + random.nextLong(exp - half + 1));
  }

  /**
   * Parses a {@code Retry-After} value: delta seconds ({@code "2"}) or an HTTP date, relative to
   * {@code now}. Empty when absent or unreadable.
   */
  public static Optional<Duration> parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
