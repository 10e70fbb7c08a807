package io.kdp.dedup.book;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One market's order book as a gatherer's stream builds it: resting size (hundredths of a contract)
 * per price (micro-dollars) on each side. A snapshot replaces it; a delta adds to one level.
 * Mutable, single-threaded.
 */
public final class Book {

  private final TreeMap<Long, Long> yes = new TreeMap<>();
  private final TreeMap<Long, Long> no = new TreeMap<>();

  /** A book holding {@code yes} and {@code no} levels. */
  public static Book of(List<Level> yes, List<Level> no) {
    Book b = new Book();
    b.reset(yes, no);
    return b;
  }

  /** Replaces the whole book (levels of size 0 are not kept). */
  public void reset(List<Level> yesLevels, List<Level> noLevels) {
    yes.clear();
    no.clear();
    for (Level l : yesLevels) {
      if (l.sizeCenti() != 0) {
        yes.put(l.priceMicros(), l.sizeCenti());
      }
    }
    for (Level l : noLevels) {
      if (l.sizeCenti() != 0) {
        no.put(l.priceMicros(), l.sizeCenti());
      }
    }
  }

  /**
   * Adds {@code deltaCenti} at {@code priceMicros}; returns false (and leaves the book unchanged)
   * when that would make the level negative, which a consistent stream never does.
   */
  public boolean apply(Side side, long priceMicros, long deltaCenti) {
    TreeMap<Long, Long> levels = side == Side.YES ? yes : no;
    long size = levels.getOrDefault(priceMicros, 0L) + deltaCenti;
    if (size < 0) {
      return false;
    }
    if (size == 0) {
      levels.remove(priceMicros);
    } else {
      levels.put(priceMicros, size);
    }
    return true;
  }

  public List<Level> yes() {
    return levels(yes);
  }

  public List<Level> no() {
    return levels(no);
  }

  /** An independent copy. */
  public Book copy() {
    Book b = new Book();
    b.yes.putAll(yes);
    b.no.putAll(no);
    return b;
  }

  private static List<Level> levels(TreeMap<Long, Long> side) {
    List<Level> out = new ArrayList<>(side.size());
    for (Map.Entry<Long, Long> e : side.entrySet()) {
      out.add(new Level(e.getKey(), e.getValue()));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Book b && yes.equals(b.yes) && no.equals(b.no);
  }

  @Override
  public int hashCode() {
    return yes.hashCode() * 31 + no.hashCode();
  }

  @Override
  public String toString() {
    return "Book[yes=" + yes + ", no=" + no + "]";
  }
}
