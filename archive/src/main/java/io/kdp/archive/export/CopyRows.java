package io.kdp.archive.export;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * A query's rows read as {@code COPY (query) TO STDOUT (FORMAT binary)} and decoded here: one
 * stream of length-prefixed fields instead of a cursor fetched in batches and a {@code ResultSet}
 * per row. The range bounds are written into the SQL as timestamptz literals (COPY takes no
 * parameters); they are {@link Instant}s formatted here, never text from outside.
 */
final class CopyRows implements RowCursor {

  private static final Set<String> TYPES =
      Set.of(
          "int8",
          "int4",
          "int2",
          "numeric",
          "bool",
          "text",
          "varchar",
          "bpchar",
          "name",
          "json",
          "jsonb",
          "timestamptz",
          "timestamp",
          "_int8",
          "_int4");
  private static final byte[] SIGNATURE =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

  private final PGCopyInputStream copy;
  private final CopyBuffer in;
  private final List<Column> columns;
  private final String[] types;

  private CopyRows(PGCopyInputStream copy, List<Column> columns, List<String> types) {
    this.copy = copy;
    this.in = new CopyBuffer(copy);
    this.columns = columns;
    this.types = types.toArray(String[]::new);
  }

  static boolean decodes(String pgType) {
    return TYPES.contains(pgType);
  }

  static CopyRows open(
      Connection c,
      String query,
      Instant from,
      Instant to,
      List<Column> columns,
      List<String> types)
      throws SQLException, IOException {
    String sql = "COPY (" + inline(query, from, to) + ") TO STDOUT (FORMAT binary)";
    CopyRows rows =
        new CopyRows(new PGCopyInputStream(c.unwrap(PGConnection.class), sql), columns, types);
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
   * The next row. A database error inside the stream (the server gone, the backend terminated) is
   * thrown as the {@link SQLException} pgjdbc wrapped, so callers see its SQLState (08*: defer).
   */
  @Override
  public Object[] next() throws SQLException, IOException {
    try {
      return decodeRow();
    } catch (IOException e) {
      throw unwrapped(e);
    }
  }

  /** The database error pgjdbc wrapped in {@code e}, thrown as it was; else {@code e}. */
  private static SQLException unwrapped(IOException e) throws IOException {
    if (e.getCause() instanceof SQLException sql) {
      return sql;
    }
    throw e;
  }

  private Object[] decodeRow() throws IOException {
    int fields = in.readShort();
    if (fields == -1) {
      in.drain();
      return null;
    }
    if (fields != types.length) {
      throw new IOException("COPY row has " + fields + " fields, expected " + types.length);
    }
    Object[] row = new Object[fields];
    for (int i = 0; i < fields; i++) {
      int length = in.readInt();
      row[i] = length < 0 ? null : value(types[i], length, columns.get(i).type());
    }
    return row;
  }

  private Object value(String pgType, int length, ColumnType target) throws IOException {
    return switch (pgType) {
      case "int8", "int4", "int2", "numeric" -> integral(in.integer(pgType, length), target);
      case "timestamptz", "timestamp" -> {
        long v = in.readLong();
        if (v == Long.MAX_VALUE || v == Long.MIN_VALUE) {
          throw new IOException("an infinite timestamp has no place in an archived row");
        }
        yield v + POSTGRES_EPOCH_MICROS;
      }
      case "bool" -> in.readByte() != 0;
      case "jsonb" -> {
        in.readByte(); // format version 1
        yield in.readString(length - 1);
      }
      case "_int8", "_int4" -> in.readLongArray();
      default -> in.readString(length);
    };
  }

  private static Object integral(long v, ColumnType target) {
    return target == ColumnType.INT32 ? (Object) Math.toIntExact(v) : (Object) v;
  }

  @Override
  public void close() throws IOException {
    copy.close();
  }
}
