package io.kdp.archive.export;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.RowBuffer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one range query, each decoded into a {@link RowBuffer} (or as an {@code Object[]}).
 * Opened as a binary {@code COPY (query) TO STDOUT} ({@link CopyRows}) when it decodes every result
 * column's PostgreSQL type into its column's type, else as a JDBC result set in binary transfer.
 */
interface RowCursor extends AutoCloseable {

  /** Decodes the next row into {@code row} (cleared first); false after the last. */
  boolean next(RowBuffer row) throws SQLException, IOException;

  /** The next row as the {@link io.kdp.archive.parquet.ColumnType}s' Java classes, or null. */
  Object[] next() throws SQLException, IOException;

  @Override
  void close() throws SQLException, IOException;

  /**
   * Opens {@code query}, whose {@code ?} parameters are alternately {@code from} and {@code to}.
   */
  static RowCursor open(Connection c, String query, Instant from, Instant to, List<Column> columns)
      throws SQLException, IOException {
    List<String> types = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(query)) {
      ResultSetMetaData meta = s.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        types.add(meta.getColumnTypeName(i));
      }
    }
    boolean copy = types.size() == columns.size();
    for (int i = 0; copy && i < types.size(); i++) {
      copy = CopyRows.decodes(types.get(i), columns.get(i).type());
    }
    if (copy) {
      return CopyRows.open(c, query, from, to, columns, types);
    }
    return jdbc(c, query, from, to, columns);
  }

  /** The result-set path, kept for column types the COPY decoder does not know. */
  static RowCursor jdbc(Connection c, String query, Instant from, Instant to, List<Column> columns)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(query);
    TableExport.binary(s);
    TableExport.bindRanges(s, (int) query.chars().filter(ch -> ch == '?').count(), from, to);
    s.setFetchSize(TableExport.FETCH_SIZE);
    ResultSet rs = s.executeQuery();
    return new RowCursor() {
      @Override
      public boolean next(RowBuffer row) throws SQLException {
        Object[] values = next();
        if (values == null) {
          return false;
        }
        row.load(values);
        return true;
      }

      @Override
      public Object[] next() throws SQLException {
        return rs.next() ? JdbcRows.read(rs, columns) : null;
      }

      @Override
      public void close() throws SQLException {
        try (s) {
          rs.close();
        }
      }
    };
  }
}
