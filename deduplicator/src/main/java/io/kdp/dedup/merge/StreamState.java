package io.kdp.dedup.merge;

import io.kdp.dedup.book.BookRow;
import java.util.TreeMap;

/**
 * One (connection, sid) stream of one gatherer: the last seq merged, the time carried along it, how
 * far it was taken as complete while quiet, and the rows read but not yet merged, by seq.
 */
final class StreamState {

  static final long NONE = -1;

  long lastSeq = NONE;
  long lastTimeMicros = Long.MIN_VALUE;

  /**
   * The end of the last window decided while this stream was quiet, on the gatherer's word that it
   * was complete (its frontier, less grace): a row read later with a time before this arrived later
   * than the grace allowed.
   */
  long trustedThroughMicros = Long.MIN_VALUE;

  final TreeMap<Long, BookRow> pending = new TreeMap<>();

  /** Whether the next row after {@link #lastSeq} has been read: the stream is seen to go on. */
  boolean continues() {
    return !pending.isEmpty() && lastSeq != NONE && pending.firstKey() == lastSeq + 1;
  }
}
