package io.kdp.gatherer.router;

/**
 * A row's place in the journal: {@code offset * 8 + index}, where {@code index} (0..7) counts the
 * rows one frame produced. Ordered like the journal; a table whose rows are stored up to position
 * {@code p} skips any row below {@code p} when the journal is loaded again.
 */
public final class RowPosition {

  /** Rows one frame can produce at most. */
  public static final int PER_FRAME = 8;

  private RowPosition() {}

  public static long of(long offset, int index) {
    if (index < 0 || index >= PER_FRAME) {
      throw new IllegalArgumentException("row index out of range: " + index);
    }
    return offset * PER_FRAME + index;
  }

  /** The journal offset of the frame a position belongs to. */
  public static long offset(long position) {
    return position / PER_FRAME;
  }
}
