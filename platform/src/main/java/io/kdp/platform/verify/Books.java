package io.kdp.platform.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Order books by market: per side, price (micro-dollars) to resting size (hundredths). A level
 * whose size reaches zero is removed, so two books holding the same orders are equal.
 */
final class Books {

  private final Map<String, Map<String, TreeMap<Long, Long>>> markets = new HashMap<>();

  void reset(String market, long[] yesPrices, long[] yesSizes, long[] noPrices, long[] noSizes) {
    Map<String, TreeMap<Long, Long>> book = new HashMap<>();
    book.put("yes", levels(yesPrices, yesSizes));
    book.put("no", levels(noPrices, noSizes));
    markets.put(market, book);
  }

  void apply(String market, String side, long price, long delta) {
    TreeMap<Long, Long> levels =
        markets
            .computeIfAbsent(market, m -> new HashMap<>())
            .computeIfAbsent(side, s -> new TreeMap<>());
    long size = levels.getOrDefault(price, 0L) + delta;
    if (size == 0) {
      levels.remove(price);
    } else {
      levels.put(price, size);
    }
  }

  /** A deep copy: later changes to this one do not show in it. */
  Books copy() {
    Books c = new Books();
    markets.forEach(
        (market, book) -> {
          Map<String, TreeMap<Long, Long>> sides = new HashMap<>();
          book.forEach((side, levels) -> sides.put(side, new TreeMap<>(levels)));
          c.markets.put(market, sides);
        });
    return c;
  }

  boolean has(String market) {
    return markets.containsKey(market);
  }

  /** The book of {@code market} as {@code yes=[p:s,...] no=[...]}: equal books, equal strings. */
  String describe(String market) {
    Map<String, TreeMap<Long, Long>> book = markets.getOrDefault(market, Map.of());
    return "yes="
        + book.getOrDefault("yes", new TreeMap<>())
        + " no="
        + book.getOrDefault("no", new TreeMap<>());
  }

  Iterable<String> marketTickers() {
    return markets.keySet();
  }

  private static TreeMap<Long, Long> levels(long[] prices, long[] sizes) {
    TreeMap<Long, Long> out = new TreeMap<>();
    for (int i = 0; i < prices.length; i++) {
      if (sizes[i] != 0) {
        out.put(prices[i], sizes[i]);
      }
    }
    return out;
  }
}
