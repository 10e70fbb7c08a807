package io.kdp.store.position;

import java.util.List;

/**
 * What one {@link PositionCursor} read returned: the rows in position order, and the position to
 * read after next time (the last row's, or the position read after when there were none).
 *
 * @param horizon the snapshot's xmin: every transaction below it had finished; rows of later
 *     transactions were held back
 */
public record PositionBatch<R>(List<Positioned<R>> rows, Position next, long horizon) {

  public PositionBatch {
    rows = List.copyOf(rows);
  }

  /** The rows without their positions. */
  public List<R> values() {
    return rows.stream().map(Positioned::row).toList();
  }
}
