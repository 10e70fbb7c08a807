package io.kdp.store.table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A gatherer table whose rows carry a commit-safe position ({@code txid}, {@code pos}), readable by
 * a {@link io.kdp.store.position.PositionCursor}: every time-series table, and the metadata tables
 * (whose rows move to a new position whenever they change).
 *
 * @param <R> the row record
 */
public interface PositionedTable<R> {

  /** The table name. */
  String name();

  /** The columns {@link #decode} reads. */
  List<String> readColumns();

  /** Reads the current row of {@code rs}, which selected at least {@link #readColumns()}. */
  R decode(ResultSet rs) throws SQLException;
}
