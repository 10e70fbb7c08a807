package io.kdp.gatherer.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a journal directory in offset order from a given offset. A segment is read only up to the
 * first offset of the next segment, so a segment abandoned after a write error cannot repeat
 * records; a crashed segment is read up to its last good record.
 */
public final class JournalScanner {

  /** Receives each record with its journal offset. */
  @FunctionalInterface
  public interface Visitor {
    void visit(long offset, JournalRecord record);
  }

  /**
   * What a scan saw.
   *
   * @param records records visited
   * @param corrupt bad lines and truncated tails skipped
   * @param nextOffset the offset after the last record visited (or {@code from} if none)
   */
  public record Result(long records, int corrupt, long nextOffset) {}

  private JournalScanner() {}

  /** Visits the records of {@code dir} with offsets in {@code [from, toExclusive)}. */
  public static Result scan(Path dir, long from, long toExclusive, Visitor visitor) {
    List<JournalSegment> segments = JournalSegment.list(dir);
    long visited = 0;
    int corrupt = 0;
    long next = from;
    for (int i = 0; i < segments.size() && next < toExclusive; i++) {
      JournalSegment s = segments.get(i);
      long end = i + 1 < segments.size() ? segments.get(i + 1).firstOffset() : Long.MAX_VALUE;
      if (end <= next) {
        continue;
      }
      long stop = Math.min(end, toExclusive);
      long offset = s.firstOffset();
      if (offset > next) {
        next = offset; // records before this segment were deleted by retention
      }
      try (JournalReader reader = JournalReader.open(s.path())) {
        JournalRecord r;
        while (offset < stop && (r = reader.next()) != null) {
          if (offset >= next) {
            visitor.visit(offset, r);
            visited++;
            next = offset + 1;
          }
          offset++;
        }
        corrupt += reader.corrupt();
      }
    }
    return new Result(visited, corrupt, next);
  }
}
