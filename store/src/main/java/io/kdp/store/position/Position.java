package io.kdp.store.position;

/**
 * A row's commit-safe position in one gatherer table: the id of the transaction that wrote it
 * ({@code txid}, PostgreSQL {@code xid8}, 64-bit and never wrapping) and the table's sequence
 * number ({@code pos}). Positions are ordered by {@code txid}, then {@code pos}. See {@link
 * PositionCursor} for why a cursor on them never skips a row.
 *
 * @param txid the writing transaction's full id ({@code pg_current_xact_id()})
 * @param pos the value the table's {@code *_pos_seq} sequence gave the row
 */
public record Position(long txid, long pos) implements Comparable<Position> {

  /** Before every row. */
  public static final Position START = new Position(0, 0);

  @Override
  public int compareTo(Position o) {
    int c = Long.compareUnsigned(txid, o.txid);
    return c != 0 ? c : Long.compare(pos, o.pos);
  }
}
