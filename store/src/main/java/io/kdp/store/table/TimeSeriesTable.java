package io.kdp.store.table;

import io.kdp.store.copy.BinaryCopy;
import java.sql.SQLException;
import java.util.List;

/**
 * One gatherer time-series table and its row record: the columns a writer copies, the binary
 * encoding of a row, and the decoding of a read row. The position columns ({@code txid}, {@code
 * pos}) are never written by the application; the database assigns them.
 *
 * @param <R> the row record
 */
public interface TimeSeriesTable<R> extends PositionedTable<R> {

  /** The columns written by {@code COPY}, in {@link #encode} order. */
  List<String> copyColumns();

  /** The columns {@link #decode} reads; by default {@link #copyColumns()}. */
  @Override
  default List<String> readColumns() {
    return copyColumns();
  }

  /** Writes one row: {@code out.row(copyColumns().size())} and then each field. */
  void encode(R row, BinaryCopy out) throws SQLException;
}
