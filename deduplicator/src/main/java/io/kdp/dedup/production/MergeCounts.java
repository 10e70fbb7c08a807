package io.kdp.dedup.production;

/**
 * What one merge transaction wrote for one table: rows offered and rows new to production (the
 * difference was already there: duplicates discarded).
 */
public record MergeCounts(String table, long offered, long written) {

  public long duplicates() {
    return offered - written;
  }
}
