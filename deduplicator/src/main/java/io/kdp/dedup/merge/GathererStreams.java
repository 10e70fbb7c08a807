package io.kdp.dedup.merge;

import io.kdp.dedup.book.Book;
import io.kdp.dedup.book.BookRow;
import io.kdp.dedup.book.StreamKey;
import io.kdp.store.row.SequenceGapRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One gatherer's book streams as the merger replays them, window by window: per (connection, sid)
 * the seq contiguity, per market the gatherer's own book and whether it is valid (a snapshot, then
 * contiguous seq on that stream, no gap reported by the gatherer). Rows may be added in any order;
 * {@link #advance} replays a window's rows in seq order per stream. Pure: no database.
 */
public final class GathererStreams {

  private static final Comparator<Candidate> TIMELINE =
      Comparator.comparingLong(Candidate::time)
          .thenComparing(Candidate::key)
          .thenComparingLong(Candidate::seq);

  final String gatherer;
  final Map<StreamKey, StreamState> streams = new HashMap<>();
  final Map<String, MarketState> markets = new TreeMap<>();
  final Map<String, Integer> pendingSnapshots = new HashMap<>();
  final List<SequenceGapRow> pendingGaps = new ArrayList<>();
  long lateRows;
  long ignoredDeltas;
  long lateMerged;

  public GathererStreams(String gatherer) {
    this.gatherer = gatherer;
  }

  public String gatherer() {
    return gatherer;
  }

  /**
   * Adds a row read from the gatherer; returns false (and counts it) for a row whose seq was
   * already merged on its stream: a late row, or a duplicate.
   */
  public boolean add(BookRow row) {
    StreamState st =
        streams.computeIfAbsent(StreamKey.of(row.provenance()), k -> new StreamState());
    long seq = row.provenance().seq();
    if (st.lastSeq != StreamState.NONE && seq <= st.lastSeq) {
      lateRows++;
      return false;
    }
    if (st.pending.putIfAbsent(seq, row) == null && row instanceof BookRow.Snapshot) {
      pendingSnapshots.merge(row.market(), 1, Integer::sum);
    }
    return true;
  }

  /** Adds a gap the gatherer recorded (a row of its {@code sequence_gaps}). */
  public void addGap(SequenceGapRow gap) {
    pendingGaps.add(gap);
  }

  /** Rows read and not yet merged, and late rows refused. */
  public long pendingRows() {
    return streams.values().stream().mapToLong(s -> s.pending.size()).sum();
  }

  public long lateRows() {
    return lateRows;
  }

  /**
   * Rows that arrived after their window was decided on this gatherer's word that their stream was
   * complete (a delivery delayed past the grace): merged at the start of the next window instead.
   */
  public long lateMerged() {
    return lateMerged;
  }

  /** The smallest time of a row not yet merged, or {@link Long#MAX_VALUE}. */
  public long earliestPendingMicros() {
    long min = Long.MAX_VALUE;
    for (StreamState st : streams.values()) {
      if (!st.pending.isEmpty()) {
        min =
            Math.min(
                min,
                Math.max(st.lastTimeMicros, st.pending.firstEntry().getValue().ownTimeMicros()));
      }
    }
    return min;
  }

  private record Candidate(StreamKey key, long seq, BookRow row, long time) {}

  /**
   * Replays every row with a timeline time before {@code end} and says, per market the gatherer
   * knows, how cleanly it covers {@code [start, end)}.
   *
   * @param frontier how far the gatherer's streams are complete (null: nowhere): a stream with no
   *     later row is taken as quiet rather than cut off only when it is complete past {@code end}
   */
  public Map<String, GathererWindow> advance(long start, long end, StreamFrontier frontier) {
    List<Candidate> due = new ArrayList<>();
    for (Map.Entry<StreamKey, StreamState> e : streams.entrySet()) {
      long t = e.getValue().lastTimeMicros;
      for (Map.Entry<Long, BookRow> p : e.getValue().pending.entrySet()) {
        t = Math.max(t, p.getValue().ownTimeMicros());
        if (t >= end) {
          break;
        }
        due.add(new Candidate(e.getKey(), p.getKey(), p.getValue(), t));
      }
    }
    due.sort(TIMELINE);
    Map<String, WindowTrack> tracks = new HashMap<>();
    Map<String, WindowTrack> catchUp = new HashMap<>();
    for (Candidate c : due) {
      if (c.time() >= start) {
        replay(c, tracks);
      } else if (c.time() < streams.get(c.key()).trustedThroughMicros) {
        // its window was decided on this gatherer's word that the quiet stream was complete: the
        // row came later than the grace allowed. Production may have followed this stream without
        // it, so it is offered at this window's start rather than dropped
        lateMerged++;
        replay(new Candidate(c.key(), c.seq(), c.row(), start), tracks);
      } else {
        // rows of windows already decided (a gatherer back after the others went on) rebuild its
        // books but are not offered: production has decided those windows
        replay(c, catchUp);
      }
    }
    applyGaps(end, tracks);
    Map<String, GathererWindow> out = new HashMap<>();
    for (Map.Entry<String, MarketState> e : markets.entrySet()) {
      out.put(
          e.getKey(),
          summarize(e.getKey(), e.getValue(), tracks.get(e.getKey()), start, end, frontier));
    }
    return out;
  }

  private void replay(Candidate c, Map<String, WindowTrack> tracks) {
    StreamState st = streams.get(c.key());
    st.pending.remove(c.seq());
    if (st.lastSeq != StreamState.NONE && c.seq() != st.lastSeq + 1) {
      breakStream(c.key(), tracks);
    }
    st.lastSeq = c.seq();
    st.lastTimeMicros = c.time();
    String market = c.row().market();
    MarketState ms = markets.computeIfAbsent(market, m -> new MarketState(new Book()));
    WindowTrack track = tracks.computeIfAbsent(market, m -> new WindowTrack(ms));
    BookRow.Timed timed = new BookRow.Timed(c.row(), c.time());
    switch (c.row()) {
      case BookRow.Snapshot s -> {
        pendingSnapshots.computeIfPresent(market, (m, n) -> n <= 1 ? null : n - 1);
        track.beforeChange(ms);
        ms.book.reset(s.row().yes(), s.row().no());
        ms.stream = c.key();
        ms.valid = true;
        ms.validSinceReceivedMicros = s.receivedAtMicros();
        track.reset(timed);
      }
      case BookRow.Delta d -> {
        if (!ms.valid || !c.key().equals(ms.stream)) {
          ignoredDeltas++;
          return;
        }
        if (ms.book.apply(d.row().side(), d.row().priceMicros(), d.row().deltaCenti())) {
          track.rows.add(timed);
        } else {
          ms.invalidate();
          track.invalidated = true;
        }
      }
    }
  }

  /** A seq gap on {@code key}: every market whose book rides on it is suspect until a snapshot. */
  private void breakStream(StreamKey key, Map<String, WindowTrack> tracks) {
    for (Map.Entry<String, MarketState> e : markets.entrySet()) {
      MarketState ms = e.getValue();
      if (ms.valid && key.equals(ms.stream)) {
        tracks.computeIfAbsent(e.getKey(), m -> new WindowTrack(ms)).invalidated = true;
        ms.invalidate();
      }
    }
  }

  private void applyGaps(long end, Map<String, WindowTrack> tracks) {
    for (Iterator<SequenceGapRow> it = pendingGaps.iterator(); it.hasNext(); ) {
      SequenceGapRow gap = it.next();
      if (gap.detectedAtMicros() >= end) {
        continue;
      }
      it.remove();
      StreamKey key = new StreamKey(gap.connectionId(), gap.sid());
      for (String market : gap.markets()) {
        MarketState ms = markets.get(market);
        if (ms != null
            && ms.valid
            && key.equals(ms.stream)
            && ms.validSinceReceivedMicros < gap.detectedAtMicros()) {
          tracks.computeIfAbsent(market, m -> new WindowTrack(ms)).invalidated = true;
          ms.invalidate();
        }
      }
    }
  }

  private GathererWindow summarize(
      String market,
      MarketState ms,
      WindowTrack track,
      long start,
      long end,
      StreamFrontier frontier) {
    if (!ms.valid || !seenPastEnd(market, ms.stream, end, frontier)) {
      return GathererWindow.NONE;
    }
    if (track == null) {
      return new GathererWindow(GathererWindow.Clean.WHOLE, start, List.of(), () -> ms.book);
    }
    if (track.validAtStart && !track.invalidated) {
      return new GathererWindow(
          GathererWindow.Clean.WHOLE, start, track.rows, () -> track.startBook(ms));
    }
    List<BookRow.Timed> fromReset = track.rows.subList(track.lastReset, track.rows.size());
    return new GathererWindow(
        GathererWindow.Clean.FROM_SNAPSHOT,
        fromReset.getFirst().timeMicros(),
        List.copyOf(fromReset),
        () -> null);
  }

  private boolean seenPastEnd(String market, StreamKey key, long end, StreamFrontier frontier) {
    StreamState st = streams.get(key);
    if (st.continues()) {
      return true;
    }
    boolean quietAndComplete =
        st.pending.isEmpty()
            && frontier != null
            && frontier.completeThrough(key) >= end
            && !pendingSnapshots.containsKey(market);
    if (quietAndComplete) {
      st.trustedThroughMicros = Math.max(st.trustedThroughMicros, end);
    }
    return quietAndComplete;
  }

  /**
   * What happened to one market's book in the window being replayed. The book at the window start
   * is copied only before a snapshot replaces it; otherwise it is rebuilt on demand by undoing the
   * window's deltas (needed only when production switches to this gatherer).
   */
  private static final class WindowTrack {
    final boolean validAtStart;
    Book copiedAtStart;
    boolean copied;
    boolean invalidated;
    int lastReset = -1;
    final List<BookRow.Timed> rows = new ArrayList<>();

    WindowTrack(MarketState ms) {
      validAtStart = ms.valid;
    }

    /** Before a snapshot replaces the book: keep the start book (rows so far are deltas). */
    void beforeChange(MarketState ms) {
      if (!copied) {
        copiedAtStart = validAtStart ? undo(ms) : null;
        copied = true;
      }
    }

    Book startBook(MarketState ms) {
      return copied ? copiedAtStart : undo(ms);
    }

    private Book undo(MarketState ms) {
      Book b = ms.book.copy();
      for (int i = rows.size() - 1; i >= 0; i--) {
        if (rows.get(i).row() instanceof BookRow.Delta d) {
          b.apply(d.row().side(), d.row().priceMicros(), -d.row().deltaCenti());
        }
      }
      return b;
    }

    void reset(BookRow.Timed snapshot) {
      lastReset = rows.size();
      rows.add(snapshot);
    }
  }
}
