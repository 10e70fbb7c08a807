package io.kdp.archive.export;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Big-endian reads of PostgreSQL's binary COPY fields over a refilled buffer (64 KiB). */
final class CopyBuffer {

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;

  CopyBuffer(InputStream in) {
    this.in = in;
  }

  private void need(int n) throws IOException {
    if (limit - pos >= n) {
      return;
    }
    System.arraycopy(buf, pos, buf, 0, limit - pos);
    limit -= pos;
    pos = 0;
    while (limit < n) {
      int read = in.read(buf, limit, buf.length - limit);
      if (read < 0) {
        throw new EOFException("binary COPY stream ended inside a row");
      }
      limit += read;
    }
  }

  int readByte() throws IOException {
    need(1);
    return buf[pos++];
  }

  int readShort() throws IOException {
    need(2);
    int v = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
    pos += 2;
    return v;
  }

  int readInt() throws IOException {
    need(4);
    int v =
        ((buf[pos] & 0xff) << 24)
            | ((buf[pos + 1] & 0xff) << 16)
            | ((buf[pos + 2] & 0xff) << 8)
            | (buf[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  long readLong() throws IOException {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos + i] & 0xff);
    }
    pos += 8;
    return v;
  }

  void skip(int n) throws IOException {
    for (int left = n; left > 0; ) {
      int step = Math.min(left, buf.length);
      need(step);
      pos += step;
      left -= step;
    }
  }

  /** Reads {@code length} bytes into {@code dst} at {@code offset}, however long. */
  void readFully(byte[] dst, int offset, int length) throws IOException {
    if (length <= buf.length) {
      need(length);
      System.arraycopy(buf, pos, dst, offset, length);
      pos += length;
      return;
    }
    int filled = limit - pos;
    System.arraycopy(buf, pos, dst, offset, filled);
    pos = limit;
    while (filled < length) {
      int read = in.read(dst, offset + filled, length - filled);
      if (read < 0) {
        throw new EOFException("binary COPY stream ended inside a text value");
      }
      filled += read;
    }
  }

  /** A numeric (base-10000 digits) that must be a whole number fitting a long. */
  long numeric(int length) throws IOException {
    int digits = readShort();
    int weight = readShort();
    int sign = readShort() & 0xffff;
    readShort(); // display scale
    if (sign == 0xC000) {
      throw new IOException("NaN in a numeric column archived as a whole number");
    }
    long v = 0;
    for (int i = 0; i < digits; i++) {
      int d = readShort();
      if (i > weight) {
        if (d != 0) {
          throw new IOException("a fraction in a numeric column archived as a whole number");
        }
      } else {
        v = Math.addExact(Math.multiplyExact(v, 10_000L), d);
      }
    }
    for (int i = Math.max(digits, 0); i <= weight; i++) {
      v = Math.multiplyExact(v, 10_000L);
    }
    return sign == 0x4000 ? -v : v;
  }

  /** A one-dimensional int8[] or int4[] (an empty array has no dimensions). */
  long[] readLongArray() throws IOException {
    int dimensions = readInt();
    readInt(); // has-nulls flag
    int elementOid = readInt();
    if (dimensions == 0) {
      return new long[0];
    }
    if (dimensions != 1) {
      throw new IOException("a " + dimensions + "-dimensional array where one dimension is kept");
    }
    int n = readInt();
    readInt(); // lower bound
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      int length = readInt();
      if (length < 0) {
        throw new IOException("a null element in an archived array");
      }
      out[i] = elementOid == 20 ? readLong() : readInt();
    }
    return out;
  }

  /** Reads to the end of the stream, so the COPY completes rather than being cancelled. */
  void drain() throws IOException {
    pos = limit;
    while (in.read(buf, 0, buf.length) >= 0) {
      // the trailer is the last field; nothing follows but the end of the COPY
    }
  }
}
