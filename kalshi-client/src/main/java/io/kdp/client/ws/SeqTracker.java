package io.kdp.client.ws;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-sid {@code seq} bookkeeping for one connection. The first seq seen on a sid is the baseline
 * (Kalshi's first message is not always seq 1); then {@code last+1} is in order, anything higher is
 * a gap (reported, then accepted as the new position) and anything lower or equal is a duplicate to
 * drop. Frames without seq (ticker) are not tracked.
 */
final class SeqTracker {

  /** Verdict on one frame. */
  enum Verdict {
    IN_ORDER,
    GAP,
    DUPLICATE
  }

  private final Map<Integer, Long> last = new HashMap<>();
  private long expectedOnGap;

  /** Classifies {@code seq} on {@code sid} and advances unless it is a duplicate. */
  Verdict observe(int sid, long seq) {
    Long prev = last.get(sid);
    if (prev == null) {
      last.put(sid, seq);
      return Verdict.IN_ORDER;
    }
    if (seq <= prev) {
      return Verdict.DUPLICATE;
    }
    last.put(sid, seq);
    if (seq == prev + 1) {
      return Verdict.IN_ORDER;
    }
    expectedOnGap = prev + 1;
    return Verdict.GAP;
  }

  /**
   * A reply that carries a seq ({@code ok}, {@code unsubscribed}, errors): whether such replies
   * take a number in the sid's sequence is undocumented, so one that does ({@code last+1}) advances
   * and any other is ignored.
   */
  void observeReply(int sid, long seq) {
    Long prev = last.get(sid);
    if (prev != null && seq == prev + 1) {
      last.put(sid, seq);
    }
  }

  /** The seq that was expected when {@link #observe} last returned {@code GAP}. */
  long expectedOnGap() {
    return expectedOnGap;
  }

  /** Forgets a sid (unsubscribed, or resubscribed under a new sid). */
  void forget(int sid) {
    last.remove(sid);
  }
}
