package io.kdp.dedup;

/** Driving a deduplicator in tests. */
final class Runs {

  private Runs() {}

  /** Runs cycles until every gatherer is caught up and the book is decided to {@code end}. */
  static int untilDecided(Deduplicator d, long end) throws Exception {
    for (int i = 1; i <= 500; i++) {
      Deduplicator.Cycle c = d.runOnce();
      if (c.caughtUp() && c.decidedTo() >= end) {
        return i;
      }
    }
    throw new AssertionError("not decided to " + end + " after 500 cycles");
  }
}
