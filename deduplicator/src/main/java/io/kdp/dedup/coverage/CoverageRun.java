package io.kdp.dedup.coverage;

/**
 * A run of windows over which production copied one gatherer's book stream for a market, or a hole
 * ({@code gatherer} null) where no gatherer's stream was clean. Keyed by (market, start); a run is
 * re-written with a later end while it goes on.
 *
 * @param startMicros inclusive
 * @param endMicros exclusive
 */
public record CoverageRun(String market, long startMicros, long endMicros, String gatherer) {

  public boolean isHole() {
    return gatherer == null;
  }
}
