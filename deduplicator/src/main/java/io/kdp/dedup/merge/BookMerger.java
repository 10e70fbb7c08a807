package io.kdp.dedup.merge;

import io.kdp.dedup.book.BookRow;
import io.kdp.dedup.coverage.CoverageRun;
import io.kdp.store.row.SequenceGapRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the gatherers' book streams into one, window by window on the merge timeline: each window
 * is replayed in every gatherer's streams and each market's {@link StreamSelector} picks whose rows
 * production gets. A window is decided once, when the caller says every gatherer that is up has
 * committed past it (or the bounded dedup delay is over). Pure: no database; the state is saved by
 * {@link MergerCodec}.
 */
public final class BookMerger {

  /** {@link #decidedToMicros()} before the first window. */
  public static final long UNSET = Long.MIN_VALUE;

  long windowMicros;
  final List<String> preference;
  final Map<String, GathererStreams> gatherers = new LinkedHashMap<>();
  final Map<String, StreamSelector> selectors = new TreeMap<>();
  long decidedTo = UNSET;

  /**
   * @param preference the gatherers in the order a new stream is chosen
   * @param windowMicros the window length
   */
  public BookMerger(List<String> preference, long windowMicros) {
    if (windowMicros <= 0) {
      throw new IllegalArgumentException("window must be positive");
    }
    this.windowMicros = windowMicros;
    this.preference = List.copyOf(preference);
    for (String g : preference) {
      gatherers.put(g, new GathererStreams(g));
    }
  }

  public long windowMicros() {
    return windowMicros;
  }

  /**
   * Decides the windows after {@link #decidedToMicros()} with length {@code micros}: the next
   * window ends at the next multiple of it (shorter once if the decided time is not one), so a
   * window changed between runs takes over where the old one stopped.
   */
  public void changeWindow(long micros) {
    if (micros <= 0) {
      throw new IllegalArgumentException("window must be positive");
    }
    windowMicros = micros;
  }

  public List<String> preference() {
    return preference;
  }

  /** Everything before this is decided ({@link #UNSET} before the first window). */
  public long decidedToMicros() {
    return decidedTo;
  }

  public GathererStreams streams(String gatherer) {
    GathererStreams s = gatherers.get(gatherer);
    if (s == null) {
      throw new IllegalArgumentException("unknown gatherer " + gatherer);
    }
    return s;
  }

  /**
   * Adds a book row read from {@code gatherer}; false if its seq was already merged on its stream
   * (a duplicate or a row committed after its window was decided), which is refused and counted.
   */
  public boolean add(String gatherer, BookRow row) {
    return streams(gatherer).add(row);
  }

  public void addGap(String gatherer, SequenceGapRow gap) {
    streams(gatherer).addGap(gap);
  }

  /** The gatherer whose stream production follows for {@code market} now, or null. */
  public String current(String market) {
    StreamSelector s = selectors.get(market);
    return s == null ? null : s.current();
  }

  /**
   * Decides as {@link #decide(long, Map, int)}, with every stream of a gatherer complete through
   * the same time.
   */
  public MergeOutput decide(long limitMicros, Map<String, Long> committedTo, int maxWindows) {
    Map<String, StreamFrontier> frontiers = new HashMap<>();
    committedTo.forEach((g, t) -> frontiers.put(g, StreamFrontier.allStreams(t)));
    return decideWindows(limitMicros, frontiers, maxWindows);
  }

  /**
   * Decides every window that ends at or before {@code limitMicros}, at most {@code maxWindows}.
   *
   * @param frontiers per gatherer, how far its streams are complete (absent: unknown or down); a
   *     quiet stream is trusted only up to its own frontier
   */
  public MergeOutput decideWindows(
      long limitMicros, Map<String, StreamFrontier> frontiers, int maxWindows) {
    List<MergedRow> rows = new ArrayList<>();
    List<CoverageRun> coverage = new ArrayList<>();
    if (decidedTo == UNSET) {
      long earliest = Long.MAX_VALUE;
      for (GathererStreams g : gatherers.values()) {
        earliest = Math.min(earliest, g.earliestPendingMicros());
      }
      if (earliest == Long.MAX_VALUE) {
        return new MergeOutput(rows, coverage, decidedTo, 0);
      }
      decidedTo = Math.floorDiv(earliest, windowMicros) * windowMicros;
    }
    int windows = 0;
    while (windows < maxWindows) {
      long start = decidedTo;
      long end = (Math.floorDiv(start, windowMicros) + 1) * windowMicros;
      if (end > limitMicros) {
        break;
      }
      Map<String, Map<String, GathererWindow>> byGatherer = new HashMap<>();
      TreeSet<String> markets = new TreeSet<>();
      for (GathererStreams g : gatherers.values()) {
        Map<String, GathererWindow> w = g.advance(start, end, frontiers.get(g.gatherer()));
        byGatherer.put(g.gatherer(), w);
        markets.addAll(w.keySet());
      }
      for (String market : markets) {
        Map<String, GathererWindow> offers = new HashMap<>();
        for (String g : preference) {
          offers.put(g, byGatherer.get(g).getOrDefault(market, GathererWindow.NONE));
        }
        selectors
            .computeIfAbsent(market, StreamSelector::new)
            .decide(start, end, preference, offers, rows, coverage);
      }
      decidedTo = end;
      windows++;
    }
    return new MergeOutput(rows, coverage, decidedTo, windows);
  }
}
