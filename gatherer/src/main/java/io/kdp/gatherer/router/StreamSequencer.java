package io.kdp.gatherer.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Per-stream ({@code connectionId}, {@code sid}) sequence bookkeeping, as the journal shows it: the
 * first seq is the baseline, {@code last+1} is in order, higher is a gap (accepted as the new
 * position), lower or equal a duplicate to drop. It also remembers the markets seen on each stream
 * and, after a gap, which of them still await a fresh snapshot.
 */
final class StreamSequencer {

  enum Verdict {
    IN_ORDER,
    GAP,
    DUPLICATE
  }

  private record Key(long connection, int sid) {}

  private static final class Stream {
    long last = Long.MIN_VALUE;
    final SortedSet<String> markets = new TreeSet<>();
    SortedSet<String> awaitingSnapshot; // non-null while a gap is open
  }

  private final Map<Key, Stream> streams = new HashMap<>();
  private long expectedOnGap;

  Verdict observe(long connection, int sid, long seq) {
    Stream s = streams.computeIfAbsent(new Key(connection, sid), k -> new Stream());
    if (s.last == Long.MIN_VALUE) {
      s.last = seq;
      return Verdict.IN_ORDER;
    }
    if (seq <= s.last) {
      return Verdict.DUPLICATE;
    }
    long prev = s.last;
    s.last = seq;
    if (seq == prev + 1) {
      return Verdict.IN_ORDER;
    }
    expectedOnGap = prev + 1;
    return Verdict.GAP;
  }

  /** The seq that was due when {@link #observe} last said {@code GAP}. */
  long expectedOnGap() {
    return expectedOnGap;
  }

  /** A reply with a seq ({@code ok}): advances only when it is exactly the next number. */
  void observeReply(long connection, int sid, long seq) {
    Stream s = streams.get(new Key(connection, sid));
    if (s != null && s.last != Long.MIN_VALUE && seq == s.last + 1) {
      s.last = seq;
    }
  }

  /** A new subscription took {@code sid}, or it was unsubscribed: start afresh. */
  void forget(long connection, int sid) {
    streams.remove(new Key(connection, sid));
  }

  void noteMarket(long connection, int sid, String market) {
    streams.computeIfAbsent(new Key(connection, sid), k -> new Stream()).markets.add(market);
  }

  /** Markets seen on the stream, sorted. */
  List<String> markets(long connection, int sid) {
    Stream s = streams.get(new Key(connection, sid));
    return s == null ? List.of() : new ArrayList<>(s.markets);
  }

  /** Opens a gap: every market seen on the stream now awaits a snapshot. */
  void openGap(long connection, int sid) {
    Stream s = streams.computeIfAbsent(new Key(connection, sid), k -> new Stream());
    s.awaitingSnapshot = new TreeSet<>(s.markets);
  }

  /**
   * A snapshot of {@code market} arrived on the stream; true when that was the last market an open
   * gap awaited (the gap is then closed).
   */
  boolean snapshotArrived(long connection, int sid, String market) {
    Stream s = streams.get(new Key(connection, sid));
    if (s == null || s.awaitingSnapshot == null) {
      return false;
    }
    s.awaitingSnapshot.remove(market);
    if (s.awaitingSnapshot.isEmpty()) {
      s.awaitingSnapshot = null;
      return true;
    }
    return false;
  }
}
