package io.kdp.archive.export;

import io.kdp.archive.layout.Layout;
import io.kdp.archive.parquet.ParquetRowsWriter;
import io.kdp.archive.parquet.RowBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.postgresql.PGStatement;

/** Streams one layout's rows of one time range from the database into a local Parquet file. */
final class TableExport {

  static final int FETCH_SIZE = 20_000;

  private TableExport() {}

  /** Writes the rows of [from, to) to {@code file}; returns how many. */
  static long write(
      Connection c, Layout layout, Instant from, Instant to, Path file, ExportProgress progress)
      throws SQLException, IOException {
    try (ParquetRowsWriter out =
            ParquetRowsWriter.open(file, layout.table(), layout.schemaVersion(), layout.columns());
        RowCursor rows = RowCursor.open(c, layout.query(), from, to, layout.columns())) {
      RowBuffer row = new RowBuffer(layout.columns());
      long batch = 0;
      while (rows.next(row)) {
        out.write(row);
        if (++batch == FETCH_SIZE) {
          progress.rows(batch);
          batch = 0;
        }
      }
      progress.rows(batch);
      return out.rows();
    }
  }

  /**
   * Prepares on the server from the first execution, so pgjdbc asks for binary results: numbers and
   * arrays arrive as fixed-width values instead of text to parse.
   */
  static void binary(PreparedStatement s) throws SQLException {
    if (s.isWrapperFor(PGStatement.class)) {
      s.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }
  }

  /** Binds {@code count} parameters alternately to {@code from} and {@code to}. */
  static void bindRanges(PreparedStatement s, int count, Instant from, Instant to)
      throws SQLException {
    OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
    OffsetDateTime end = to.atOffset(ZoneOffset.UTC);
    for (int i = 1; i <= count; i++) {
      s.setObject(i, i % 2 == 1 ? start : end);
    }
  }
}
