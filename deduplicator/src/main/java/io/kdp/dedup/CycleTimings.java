package io.kdp.dedup;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where the deduplicator's cycles spent their time, summed over every cycle since it was opened:
 * wall-clock nanoseconds per {@link Phase} (for the benchmark and the status page). Written by the
 * merging thread only; read with {@link #millis()} for a copy.
 */
public final class CycleTimings {

  /** The parts of a cycle, in the order they run. */
  public enum Phase {
    /** Reading the gatherers' batches (the part not overlapped with the previous cycle). */
    READ,
    /** Trades, tickers, REST snapshots and metadata into production. */
    GATHERER_ROWS,
    /** Window decisions of the book merger (in memory). */
    DECIDE,
    /** The merged book rows into production. */
    BOOK_WRITE,
    /** Coverage runs. */
    COVERAGE,
    /** Candle refresh. */
    CANDLES,
    /** The merger's pending rows: this transaction's chunk written, decided chunks deleted. */
    PENDING_ROWS,
    /** The merger checkpoint without pending rows (encoding and writing) and the cursors. */
    CHECKPOINT,
    /** The commit. */
    COMMIT
  }

  private final long[] nanos = new long[Phase.values().length];
  private long cycles;
  private long readAhead;
  private long readAheadDropped;
  private long last = System.nanoTime();

  /** Restarts the clock of the current phase. */
  void start() {
    last = System.nanoTime();
  }

  /** Ends {@code phase}: the time since the last mark is added to it. */
  void mark(Phase phase) {
    long now = System.nanoTime();
    nanos[phase.ordinal()] += now - last;
    last = now;
  }

  void cycleDone() {
    cycles++;
  }

  /** A cycle used reads started during the previous one ({@code used}) or dropped them. */
  void readAhead(boolean used) {
    if (used) {
      readAhead++;
    } else {
      readAheadDropped++;
    }
  }

  /** Cycles whose reads were started during the previous cycle. */
  public long readAhead() {
    return readAhead;
  }

  /** Reads started ahead and dropped (the cycle before failed). */
  public long readAheadDropped() {
    return readAheadDropped;
  }

  /** Cycles counted. */
  public long cycles() {
    return cycles;
  }

  /** Milliseconds per phase so far. */
  public Map<Phase, Long> millis() {
    Map<Phase, Long> out = new EnumMap<>(Phase.class);
    for (Phase p : Phase.values()) {
      out.put(p, nanos[p.ordinal()] / 1_000_000);
    }
    return out;
  }
}
