package io.kdp.dedup.merge;

import io.kdp.dedup.book.Book;
import io.kdp.dedup.book.BookRow;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one gatherer's stream offers for one market over one window.
 *
 * @param clean how much of the window the stream covers cleanly
 * @param cleanFromMicros the window start for {@link Clean#WHOLE}, the reset snapshot's time for
 *     {@link Clean#FROM_SNAPSHOT}
 * @param rows the rows to copy: the whole window's, or from the reset snapshot on
 * @param bookAtStart the gatherer's book at the window start (valid then only); computed on demand,
 *     before the next window is replayed
 */
public record GathererWindow(
    Clean clean, long cleanFromMicros, List<BookRow.Timed> rows, Supplier<Book> bookAtStart) {

  public static final GathererWindow NONE = new GathererWindow(Clean.NONE, 0, List.of(), null);

  /** How much of a window a gatherer's stream covers for a market. */
  public enum Clean {
    /** A valid book at the start, contiguous through the end, seen past the end. */
    WHOLE,
    /**
     * Not valid at the start (or broken in the window), but reset by a snapshot and clean after.
     */
    FROM_SNAPSHOT,
    /** Not clean at the end of the window (a gap, no book, or not seen past the end). */
    NONE
  }
}
