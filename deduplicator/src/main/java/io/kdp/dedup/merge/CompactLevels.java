package io.kdp.dedup.merge;

import io.kdp.client.ws.message.Level;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A book side in few bytes, for the checkpoint's books (written every merge transaction): the level
 * count, then per level the price step from the previous level and the size, as zigzag varints.
 * Prices on Kalshi's grid and sizes of a few contracts take two or three bytes instead of sixteen,
 * which keeps both the encoding and its deflation cheap.
 */
final class CompactLevels {

  private CompactLevels() {}

  static void write(DataOutputStream out, List<Level> levels) throws IOException {
    writeVar(out, levels.size());
    long previous = 0;
    for (Level l : levels) {
      writeVar(out, l.priceMicros() - previous);
      writeVar(out, l.sizeCenti());
      previous = l.priceMicros();
    }
  }

  static List<Level> read(DataInputStream in) throws IOException {
    int n = Math.toIntExact(readVar(in));
    List<Level> levels = new ArrayList<>(n);
    long price = 0;
    for (int i = 0; i < n; i++) {
      price += readVar(in);
      levels.add(new Level(price, readVar(in)));
    }
    return levels;
  }

  /** A signed long as a zigzag LEB128 varint (1 to 10 bytes). */
  private static void writeVar(DataOutputStream out, long v) throws IOException {
    long z = (v << 1) ^ (v >> 63);
    while ((z & ~0x7FL) != 0) {
      out.writeByte((int) ((z & 0x7F) | 0x80));
      z >>>= 7;
    }
    out.writeByte((int) z);
  }

  private static long readVar(DataInputStream in) throws IOException {
    long z = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = in.readUnsignedByte();
      z |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return (z >>> 1) ^ -(z & 1);
      }
    }
    throw new IOException("varint longer than 10 bytes");
  }
}
