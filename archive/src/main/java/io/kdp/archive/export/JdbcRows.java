package io.kdp.archive.export;

import io.kdp.archive.parquet.Column;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads the current result-set row into the {@code Object[]} a Parquet row is written from. */
final class JdbcRows {

  private JdbcRows() {}

  static Object[] read(ResultSet rs, List<Column> columns) throws SQLException {
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      int c = i + 1;
      row[i] =
          switch (columns.get(i).type()) {
            case INT64, TIMESTAMP_MICROS -> {
              long v = rs.getLong(c);
              yield rs.wasNull() ? null : v;
            }
            case INT32 -> {
              int v = rs.getInt(c);
              yield rs.wasNull() ? null : v;
            }
            case BOOLEAN -> {
              boolean v = rs.getBoolean(c);
              yield rs.wasNull() ? null : v;
            }
            case STRING -> rs.getString(c);
            case INT64_LIST -> longs(rs.getArray(c));
          };
    }
    return row;
  }

  static long[] longs(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    Object[] values = (Object[]) array.getArray();
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (Long) values[i];
    }
    return out;
  }
}
