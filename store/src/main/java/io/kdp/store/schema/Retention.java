package io.kdp.store.schema;

import java.time.Duration;

/**
 * How long a gatherer keeps its time series, and when TimescaleDB compresses them.
 *
 * @param keep rows (whole days, on plain PostgreSQL) older than this are dropped; the deduplicator
 *     must have read them by then
 * @param compressAfter TimescaleDB compresses chunks older than this (after the dedup window)
 * @param createAheadDays plain PostgreSQL: daily partitions are created this many days ahead
 */
public record Retention(Duration keep, Duration compressAfter, int createAheadDays) {

  public Retention {
    if (keep.compareTo(Duration.ofDays(1)) < 0) {
      throw new IllegalArgumentException("retention keep must be at least 1 day, was " + keep);
    }
    if (compressAfter.isNegative() || compressAfter.compareTo(keep) >= 0) {
      throw new IllegalArgumentException(
          "retention compressAfter must be in [0, keep), was " + compressAfter);
    }
    if (createAheadDays < 1) {
      throw new IllegalArgumentException(
          "retention createAheadDays must be at least 1, was " + createAheadDays);
    }
  }

  /** 7 days kept, compressed after 2 days, partitions 3 days ahead. */
  public static Retention defaults() {
    return new Retention(Duration.ofDays(7), Duration.ofDays(2), 3);
  }
}
