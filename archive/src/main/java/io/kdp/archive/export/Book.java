package io.kdp.archive.export;

import java.util.Map;
import java.util.TreeMap;

/** One market's book while the start snapshot is rebuilt: price → size per side, exact longs. */
final class Book {

  private final TreeMap<Long, Long> yes = new TreeMap<>();
  private final TreeMap<Long, Long> no = new TreeMap<>();

  Book(long[] yesPrices, long[] yesSizes, long[] noPrices, long[] noSizes) {
    put(yes, yesPrices, yesSizes);
    put(no, noPrices, noSizes);
  }

  private static void put(Map<Long, Long> side, long[] prices, long[] sizes) {
    for (int i = 0; i < prices.length; i++) {
      side.put(prices[i], sizes[i]);
    }
  }

  /** Applies one delta; a level whose size reaches zero (or below) leaves the book. */
  void apply(String side, long price, long delta) {
    TreeMap<Long, Long> levels = "yes".equals(side) ? yes : no;
    long size = levels.getOrDefault(price, 0L) + delta;
    if (size > 0) {
      levels.put(price, size);
    } else {
      levels.remove(price);
    }
  }

  /** The four level arrays (yes prices, yes sizes, no prices, no sizes), prices ascending. */
  long[][] levels() {
    return new long[][] {keys(yes), values(yes), keys(no), values(no)};
  }

  private static long[] keys(TreeMap<Long, Long> m) {
    return m.keySet().stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] values(TreeMap<Long, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).toArray();
  }
}
