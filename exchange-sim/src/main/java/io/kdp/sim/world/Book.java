package io.kdp.sim.world;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One market's resting bids, YES and NO (Kalshi keeps bids only; the YES ask is one dollar minus
 * the best NO bid). Prices in micro-dollars, sizes in hundredths of a contract.
 */
public final class Book {

  private final TreeMap<Long, Long> yes = new TreeMap<>();
  private final TreeMap<Long, Long> no = new TreeMap<>();

  TreeMap<Long, Long> side(Side side) {
    return side == Side.YES ? yes : no;
  }

  /** Adds a signed size change at a level; the level disappears at zero. */
  public void apply(Side side, long price, long delta) {
    TreeMap<Long, Long> levels = side(side);
    long size = levels.getOrDefault(price, 0L) + delta;
    if (size < 0) {
      throw new IllegalStateException("negative size at " + price + " on " + side);
    }
    if (size == 0) {
      levels.remove(price);
    } else {
      levels.put(price, size);
    }
  }

  /** The best (highest) bid price of a side, or 0 when the side is empty. */
  public long bestBid(Side side) {
    TreeMap<Long, Long> levels = side(side);
    return levels.isEmpty() ? 0 : levels.lastKey();
  }

  /** The size at the best bid of a side, or 0. */
  public long bestBidSize(Side side) {
    TreeMap<Long, Long> levels = side(side);
    return levels.isEmpty() ? 0 : levels.lastEntry().getValue();
  }

  /** The size resting at one price, or 0. */
  public long sizeAt(Side side, long price) {
    return side(side).getOrDefault(price, 0L);
  }

  /** Number of levels on a side. */
  public int depth(Side side) {
    return side(side).size();
  }

  /** The i-th level from the best of a side (0 = best). */
  public Map.Entry<Long, Long> levelFromBest(Side side, int i) {
    var it = side(side).descendingMap().entrySet().iterator();
    for (int k = 0; k < i; k++) {
      it.next();
    }
    return it.next();
  }

  /** The levels of a side ascending by price; {@code depth > 0} keeps only the best N. */
  public List<Level> levels(Side side, int depth) {
    TreeMap<Long, Long> levels = side(side);
    List<Level> out = new ArrayList<>(levels.size());
    int skip = depth > 0 ? Math.max(0, levels.size() - depth) : 0;
    for (Map.Entry<Long, Long> e : levels.entrySet()) {
      if (skip-- > 0) {
        continue;
      }
      out.add(new Level(e.getKey(), e.getValue()));
    }
    return out;
  }
}
