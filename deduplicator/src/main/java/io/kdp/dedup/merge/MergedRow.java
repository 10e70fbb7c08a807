package io.kdp.dedup.merge;

import io.kdp.client.ws.message.Level;
import io.kdp.dedup.book.BookRow;
import java.util.List;

/** A book row production receives: a chosen gatherer's row, or a resync snapshot. */
public sealed interface MergedRow permits MergedRow.Copied, MergedRow.Resync {

  String market();

  long timeMicros();

  /** A row of the chosen gatherer's stream, copied with its provenance. */
  record Copied(BookRow.Timed timed) implements MergedRow {
    @Override
    public String market() {
      return timed.row().market();
    }

    @Override
    public long timeMicros() {
      return timed.timeMicros();
    }
  }

  /**
   * The book of {@code gatherer} at {@code timeMicros} (a window start), written when production
   * switches to that gatherer's stream so that replay stays exact.
   */
  record Resync(String market, long timeMicros, String gatherer, List<Level> yes, List<Level> no)
      implements MergedRow {
    public Resync {
      yes = List.copyOf(yes);
      no = List.copyOf(no);
    }
  }
}
