package io.kdp.dedup.merge;

import io.kdp.dedup.book.Book;
import io.kdp.dedup.coverage.CoverageRun;
import java.util.List;
import java.util.Map;

/**
 * Chooses, for one market and window after window, whose book stream production copies. It stays
 * with the current gatherer while that one covers the window cleanly ({@link
 * GathererWindow.Clean#WHOLE}); otherwise it switches to the first gatherer (in preference order)
 * that does, writing a resync snapshot of that gatherer's book at the window start. If none covers
 * the whole window it takes the one healed earliest by a snapshot inside the window, and the part
 * before is a hole. If none is clean at the window's end, the window is a hole. Pure state machine.
 */
public final class StreamSelector {

  private final String market;
  String current;
  boolean started;
  CoverageRun run;

  public StreamSelector(String market) {
    this.market = market;
  }

  /** The gatherer whose stream production follows now, or null. */
  public String current() {
    return current;
  }

  /**
   * Decides window {@code [start, end)}; appends the rows to copy and the coverage runs touched.
   */
  public void decide(
      long start,
      long end,
      List<String> preference,
      Map<String, GathererWindow> windows,
      List<MergedRow> rows,
      List<CoverageRun> coverage) {
    GathererWindow cur = current == null ? null : windows.get(current);
    if (cur != null && cur.clean() == GathererWindow.Clean.WHOLE) {
      copy(cur, rows);
      extend(start, end, current, coverage);
      return;
    }
    for (String g : preference) {
      GathererWindow w = windows.get(g);
      if (w != null && w.clean() == GathererWindow.Clean.WHOLE) {
        Book book = w.bookAtStart().get();
        rows.add(new MergedRow.Resync(market, start, g, book.yes(), book.no()));
        copy(w, rows);
        current = g;
        extend(start, end, g, coverage);
        return;
      }
    }
    String healed = null;
    for (String g : preference) {
      GathererWindow w = windows.get(g);
      if (w != null
          && w.clean() == GathererWindow.Clean.FROM_SNAPSHOT
          && (healed == null || w.cleanFromMicros() < windows.get(healed).cleanFromMicros())) {
        healed = g;
      }
    }
    if (healed != null) {
      GathererWindow w = windows.get(healed);
      if (started && w.cleanFromMicros() > start) {
        extend(start, w.cleanFromMicros(), null, coverage);
      }
      copy(w, rows);
      current = healed;
      extend(Math.max(start, w.cleanFromMicros()), end, healed, coverage);
      return;
    }
    current = null;
    if (started) {
      extend(start, end, null, coverage);
    }
  }

  private void copy(GathererWindow w, List<MergedRow> rows) {
    for (var t : w.rows()) {
      rows.add(new MergedRow.Copied(t));
    }
  }

  /** Extends the current run when it is the same gatherer and adjoins, else starts a new one. */
  private void extend(long from, long to, String gatherer, List<CoverageRun> coverage) {
    started = true;
    if (run != null
        && run.endMicros() == from
        && java.util.Objects.equals(run.gatherer(), gatherer)) {
      run = new CoverageRun(market, run.startMicros(), to, gatherer);
    } else {
      run = new CoverageRun(market, from, to, gatherer);
    }
    coverage.add(run);
  }
}
