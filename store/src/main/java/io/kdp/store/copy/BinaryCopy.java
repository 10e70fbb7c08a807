package io.kdp.store.copy;

import io.kdp.client.ws.message.KalshiWsMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.ToLongFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A {@code COPY table (columns) FROM STDIN (FORMAT binary)} in progress: encodes rows in
 * PostgreSQL's binary copy format straight into a buffer that is flushed to the server every 64
 * KiB. Call {@link #row(int)} and then exactly that many field writers per row, then {@link
 * #finish()}; on any failure {@link #cancel()} so the connection is usable again.
 *
 * <p>Format (PostgreSQL docs, "COPY", binary format): an 11-byte signature, a 32-bit flags field
 * and a 32-bit header-extension length; per row a 16-bit field count and per field a 32-bit length
 * (-1 for null) and the value in the type's binary send format; a 16-bit -1 trailer.
 */
public final class BinaryCopy {

  /** Unix µs of PostgreSQL's epoch, 2000-01-01T00:00:00Z. */
  public static final long PG_EPOCH_UNIX_MICROS = 946_684_800_000_000L;

  private static final byte[] HEADER = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
  };
  private static final int FLUSH_AT = 1 << 16;
  private static final int INT8_OID = 20;
  private static final int TEXT_OID = 25;

  private final CopyIn copy;
  private byte[] buf = new byte[FLUSH_AT + 1024];
  private int len;

  private BinaryCopy(CopyIn copy) {
    this.copy = copy;
    put(HEADER, 0, HEADER.length);
  }

  /** Starts {@code COPY table (columns) FROM STDIN (FORMAT binary)} on {@code connection}. */
  public static BinaryCopy start(Connection connection, String table, List<String> columns)
      throws SQLException {
    String sql =
        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)";
    return new BinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
  }

  /** Begins a row of {@code fields} fields; flushes the buffer when it is full. */
  public void row(int fields) throws SQLException {
    if (len >= FLUSH_AT) {
      flush();
    }
    ensure(2);
    putShort(fields);
  }

  /** A null field. */
  public void nul() {
    ensure(4);
    putInt(-1);
  }

  /** A {@code bigint}. */
  public void int8(long v) {
    ensure(12);
    putInt(8);
    putLong(v);
  }

  /** An {@code integer}. */
  public void int4(int v) {
    ensure(8);
    putInt(4);
    putInt(v);
  }

  /** A {@code boolean}. */
  public void bool(boolean v) {
    ensure(5);
    putInt(1);
    buf[len++] = (byte) (v ? 1 : 0);
  }

  /** A {@code timestamptz} from Unix µs; {@link KalshiWsMessage#NO_TIME} writes null. */
  public void timestamptz(long unixMicros) {
    if (unixMicros == KalshiWsMessage.NO_TIME) {
      nul();
    } else {
      int8(unixMicros - PG_EPOCH_UNIX_MICROS);
    }
  }

  /**
   * A {@code text} in UTF-8, or null. PostgreSQL text cannot hold U+0000, so a NUL character (which
   * only malformed input carries) is written as U+FFFD rather than failing the whole batch.
   */
  public void text(String s) {
    if (s == null) {
      nul();
      return;
    }
    int n = s.length();
    boolean ascii = true;
    for (int i = 0; i < n && ascii; i++) {
      char c = s.charAt(i);
      ascii = c < 0x80 && c != 0;
    }
    if (ascii) {
      ensure(4 + n);
      putInt(n);
      for (int i = 0; i < n; i++) {
        buf[len++] = (byte) s.charAt(i);
      }
    } else {
      byte[] bytes = s.replace('\0', '\uFFFD').getBytes(StandardCharsets.UTF_8);
      ensure(4 + bytes.length);
      putInt(bytes.length);
      put(bytes, 0, bytes.length);
    }
  }

  /** A one-dimensional {@code bigint[]} of {@code f} applied to each item (never null). */
  public <T> void int8Array(List<T> items, ToLongFunction<T> f) {
    int n = items.size();
    if (n == 0) {
      emptyArray(INT8_OID);
      return;
    }
    ensure(24 + 12 * n);
    putInt(20 + 12 * n);
    putInt(1);
    putInt(0);
    putInt(INT8_OID);
    putInt(n);
    putInt(1);
    for (T item : items) {
      putInt(8);
      putLong(f.applyAsLong(item));
    }
  }

  /** A one-dimensional {@code text[]} of non-null strings. */
  public void textArray(List<String> items) {
    if (items.isEmpty()) {
      emptyArray(TEXT_OID);
      return;
    }
    byte[][] encoded = new byte[items.size()][];
    int size = 20;
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = items.get(i).replace('\0', '\uFFFD').getBytes(StandardCharsets.UTF_8);
      size += 4 + encoded[i].length;
    }
    ensure(4 + size);
    putInt(size);
    putInt(1);
    putInt(0);
    putInt(TEXT_OID);
    putInt(encoded.length);
    putInt(1);
    for (byte[] e : encoded) {
      putInt(e.length);
      put(e, 0, e.length);
    }
  }

  /** Sends the trailer and ends the copy; returns the number of rows the server took. */
  public long finish() throws SQLException {
    ensure(2);
    putShort(-1);
    flush();
    return copy.endCopy();
  }

  /** Abandons the copy (the server discards every row of it). */
  public void cancel() {
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException ignored) {
      // the connection is broken; the pool will discard it
    }
  }

  private void emptyArray(int elementOid) {
    ensure(16);
    putInt(12);
    putInt(0);
    putInt(0);
    putInt(elementOid);
  }

  private void flush() throws SQLException {
    if (len > 0) {
      copy.writeToCopy(buf, 0, len);
      len = 0;
    }
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      byte[] bigger = new byte[Math.max(buf.length * 2, len + n)];
      System.arraycopy(buf, 0, bigger, 0, len);
      buf = bigger;
    }
  }

  private void put(byte[] bytes, int off, int n) {
    System.arraycopy(bytes, off, buf, len, n);
    len += n;
  }

  private void putShort(int v) {
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  private void putInt(int v) {
    buf[len++] = (byte) (v >>> 24);
    buf[len++] = (byte) (v >>> 16);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  private void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }
}
