package io.kdp.dedup.merge;

import io.kdp.dedup.book.BookRow;
import java.util.TreeMap;

/**
 * One (connection, sid) stream of one gatherer: the last seq merged, the time carried along it, and
 * the rows read but not yet merged, by seq.
 */
final class StreamState {

  static final long NONE = -1;

  long lastSeq = NONE;
  long lastTimeMicros = Long.MIN_VALUE;
  final TreeMap<Long, BookRow> pending = new TreeMap<>();

  /** Whether the next row after {@link #lastSeq} has been read: the stream is seen to go on. */
  boolean continues() {
    return !pending.isEmpty() && lastSeq != NONE && pending.firstKey() == lastSeq + 1;
  }
}
