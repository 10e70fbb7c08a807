package io.kdp.store.writer;

import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.table.TimeSeriesTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a batch of rows to one time-series table with one binary {@code COPY}, in the caller's
 * transaction. Either every row is written or (on an exception) none is: the copy is cancelled and
 * the error propagates, so a batch can never vanish silently.
 *
 * @param <R> the row record
 */
public final class CopyWriter<R> {

  private final TimeSeriesTable<R> table;

  public CopyWriter(TimeSeriesTable<R> table) {
    this.table = table;
  }

  /** The table written. */
  public TimeSeriesTable<R> table() {
    return table;
  }

  /** Copies {@code rows} on {@code c} (not committed); returns the number of rows written. */
  public long write(Connection c, List<R> rows) throws SQLException {
    return copy(c, table, table.name(), rows);
  }

  /** Copies {@code rows} encoded as {@code table} rows into {@code target} (a table or staging). */
  static <R> long copy(Connection c, TimeSeriesTable<R> table, String target, List<R> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    BinaryCopy copy = BinaryCopy.start(c, target, table.copyColumns());
    try {
      for (R row : rows) {
        table.encode(row, copy);
      }
      return copy.finish();
    } catch (SQLException | RuntimeException e) {
      copy.cancel();
      throw e;
    }
  }
}
