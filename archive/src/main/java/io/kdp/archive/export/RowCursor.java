package io.kdp.archive.export;

import io.kdp.archive.parquet.Column;
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
 * The rows of one range query, each as the {@code Object[]} a Parquet row is written from. Opened
 * as a binary {@code COPY (query) TO STDOUT} ({@link CopyRows}) when every result column has a
 * PostgreSQL type it decodes, else as a JDBC result set in binary transfer.
 */
interface RowCursor extends AutoCloseable {

  /** The next row, or null after the last. */
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
    if (types.size() == columns.size() && types.stream().allMatch(CopyRows::decodes)) {
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
