package io.kdp.archive.export;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import io.kdp.archive.parquet.RowBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * A query's rows read as {@code COPY (query) TO STDOUT (FORMAT binary)} and decoded here: one
 * stream of length-prefixed fields instead of a cursor fetched in batches and a {@code ResultSet}
 * per row. The range bounds are written into the SQL as timestamptz literals (COPY takes no
 * parameters); they are {@link Instant}s formatted here, never text from outside.
 */
final class CopyRows implements RowCursor {

  private static final int INT8 = 0;
  private static final int INT4 = 1;
  private static final int INT2 = 2;
  private static final int NUMERIC = 3;
  private static final int TIMESTAMP = 4;
  private static final int BOOL = 5;
  private static final int JSONB = 6;
  private static final int TEXT = 7;
  private static final int ARRAY = 8;
  private static final int UNKNOWN = -1;

  private static final byte[] SIGNATURE =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

  private final PGCopyInputStream copy;
  private final CopyBuffer in;
  private final int[] kinds;
  private final RowBuffer objects;

  private CopyRows(PGCopyInputStream copy, int[] kinds, List<Column> columns) {
    this.copy = copy;
    this.in = new CopyBuffer(copy);
    this.kinds = kinds;
    this.objects = new RowBuffer(columns);
  }

  /** Whether a {@code pgType} result column is decoded here into a {@code target} column. */
  static boolean decodes(String pgType, ColumnType target) {
    return kind(pgType, target) != UNKNOWN;
  }

  private static int kind(String pgType, ColumnType target) {
    int kind =
        switch (pgType) {
          case "int8" -> INT8;
          case "int4" -> INT4;
          case "int2" -> INT2;
          case "numeric" -> NUMERIC;
          case "timestamptz", "timestamp" -> TIMESTAMP;
          case "bool" -> BOOL;
          case "jsonb" -> JSONB;
          case "text", "varchar", "bpchar", "name", "json" -> TEXT;
          case "_int8", "_int4" -> ARRAY;
          default -> UNKNOWN;
        };
    boolean fits =
        switch (kind) {
          case INT8, INT4, INT2, NUMERIC ->
              target == ColumnType.INT64 || target == ColumnType.INT32;
          case TIMESTAMP -> target == ColumnType.TIMESTAMP_MICROS || target == ColumnType.INT64;
          case BOOL -> target == ColumnType.BOOLEAN;
          case JSONB, TEXT -> target == ColumnType.STRING;
          case ARRAY -> target == ColumnType.INT64_LIST;
          default -> false;
        };
    return fits ? kind : UNKNOWN;
  }

  static CopyRows open(
      Connection c,
      String query,
      Instant from,
      Instant to,
      List<Column> columns,
      List<String> types)
      throws SQLException, IOException {
    int[] kinds = new int[types.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kind(types.get(i), columns.get(i).type());
      if (kinds[i] == UNKNOWN) {
        throw new IllegalArgumentException(
            "no binary COPY decoding of " + types.get(i) + " as " + columns.get(i).type());
      }
    }
    String sql = "COPY (" + inline(query, from, to) + ") TO STDOUT (FORMAT binary)";
    CopyRows rows =
        new CopyRows(new PGCopyInputStream(c.unwrap(PGConnection.class), sql), kinds, columns);
    try {
      rows.header();
    } catch (IOException e) {
      rows.close();
      throw unwrapped(e);
    }
    return rows;
  }

  /** {@code query} with its {@code ?} replaced alternately by {@code from} and {@code to}. */
  static String inline(String query, Instant from, Instant to) {
    StringBuilder sql = new StringBuilder(query.length() + 64);
    int n = 0;
    for (int i = 0; i < query.length(); i++) {
      char ch = query.charAt(i);
      if (ch == '?') {
        sql.append('\'').append(n++ % 2 == 0 ? from : to).append("'::timestamptz");
      } else {
        sql.append(ch);
      }
    }
    return sql.toString();
  }

  private void header() throws IOException {
    for (byte b : SIGNATURE) {
      if (in.readByte() != b) {
        throw new IOException("not a binary COPY stream");
      }
    }
    in.readInt(); // flags: no OIDs in PostgreSQL 12 and later
    in.skip(in.readInt());
  }

  /**
   * The next row into {@code row}; false after the last. A database error inside the stream (the
   * server gone, the backend terminated) is thrown as the {@link SQLException} pgjdbc wrapped, so
   * callers see its SQLState (08*: defer).
   */
  @Override
  public boolean next(RowBuffer row) throws SQLException, IOException {
    try {
      return decodeRow(row);
    } catch (IOException e) {
      throw unwrapped(e);
    }
  }

  @Override
  public Object[] next() throws SQLException, IOException {
    return next(objects) ? objects.toObjects() : null;
  }

  /** The database error pgjdbc wrapped in {@code e}, thrown as it was; else {@code e}. */
  private static SQLException unwrapped(IOException e) throws IOException {
    if (e.getCause() instanceof SQLException sql) {
      return sql;
    }
    throw e;
  }

  private boolean decodeRow(RowBuffer row) throws IOException {
    int fields = in.readShort();
    if (fields == -1) {
      in.drain();
      return false;
    }
    if (fields != kinds.length) {
      throw new IOException("COPY row has " + fields + " fields, expected " + kinds.length);
    }
    row.clear();
    for (int i = 0; i < fields; i++) {
      int length = in.readInt();
      if (length >= 0) {
        value(row, i, length);
      }
    }
    return true;
  }

  private void value(RowBuffer row, int i, int length) throws IOException {
    switch (kinds[i]) {
      case INT8 -> row.setLong(i, in.readLong());
      case INT4 -> row.setLong(i, in.readInt());
      case INT2 -> row.setLong(i, in.readShort());
      case NUMERIC -> row.setLong(i, in.numeric(length));
      case TIMESTAMP -> {
        long v = in.readLong();
        if (v == Long.MAX_VALUE || v == Long.MIN_VALUE) {
          throw new IOException("an infinite timestamp has no place in an archived row");
        }
        row.setLong(i, v + POSTGRES_EPOCH_MICROS);
      }
      case BOOL -> row.setBoolean(i, in.readByte() != 0);
      case JSONB -> {
        in.readByte(); // format version 1
        text(row, i, length - 1);
      }
      case ARRAY -> row.setList(i, in.readLongArray());
      default -> text(row, i, length);
    }
  }

  private void text(RowBuffer row, int i, int length) throws IOException {
    byte[] into = row.reserveText(i, length);
    in.readFully(into, row.textOffset(i), length);
  }

  @Override
  public void close() throws IOException {
    copy.close();
  }
}
