package io.kdp.client.ws.codec;

import java.util.Arrays;

/**
 * Hands out one shared {@link String} per distinct ticker or id seen in a token buffer, so a hot
 * decoder does not allocate a new string for the same market on every frame. Direct-mapped and
 * bounded (a colliding key simply replaces the slot). Safe to share between threads: slots hold
 * immutable strings, and a racing reader at worst misses and allocates.
 */
final class StringCache {

  private final String[] slots;
  private final int mask;

  StringCache(int sizePowerOfTwo) {
    if (Integer.bitCount(sizePowerOfTwo) != 1) {
      throw new IllegalArgumentException("size must be a power of two: " + sizePowerOfTwo);
    }
    slots = new String[sizePowerOfTwo];
    mask = sizePowerOfTwo - 1;
  }

  String get(char[] buf, int off, int len) {
    if (len > 64) {
      return new String(buf, off, len);
    }
    int h = 0;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + buf[i];
    }
    int slot = (h ^ (h >>> 16)) & mask;
    String s = slots[slot];
    if (s != null && s.length() == len && s.hashCode() == h && sameChars(s, buf, off, len)) {
      return s;
    }
    s = new String(buf, off, len);
    slots[slot] = s;
    return s;
  }

  private static boolean sameChars(String s, char[] buf, int off, int len) {
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != buf[off + i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "StringCache[" + Arrays.stream(slots).filter(s -> s != null).count() + " used]";
  }
}
