package io.kdp.archive.export;

import io.kdp.archive.parquet.Column;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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
            case INT64 -> {
              long v = rs.getLong(c);
              yield rs.wasNull() ? null : v;
            }
            case TIMESTAMP_MICROS -> micros(rs, c);
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

  /** PostgreSQL's binary timestamps count µs from 2000-01-01T00:00Z. */
  private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

  /**
   * A timestamptz column as µs since the epoch. In binary transfer (what {@code TableExport.binary}
   * asks for) pgjdbc hands over the server's 8 bytes as they are; otherwise the text form is
   * parsed. ±infinity is refused: it has no place in an archived row.
   */
  static Long micros(ResultSet rs, int column) throws SQLException {
    byte[] raw = rs.getBytes(column);
    if (raw == null) {
      return null;
    }
    if (raw.length != 8) {
      OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
      return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
    }
    long v = 0;
    for (byte b : raw) {
      v = (v << 8) | (b & 0xff);
    }
    if (v == Long.MAX_VALUE || v == Long.MIN_VALUE) {
      throw new SQLException("column " + column + " holds an infinite timestamp");
    }
    return v + POSTGRES_EPOCH_MICROS;
  }

  static long[] longs(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    Object[] values = (Object[]) array.getArray();
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = ((Number) values[i]).longValue();
    }
    return out;
  }
}
