package io.kdp.sim.world;

import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.model.Side;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Random order flow on one open market: resting bids added and cancelled, takers lifting the best
 * bid of the other side (a YES buyer pays one dollar minus the best NO bid). Each action emits its
 * deltas, trade and, when top-of-book values changed, a ticker. Called under the world lock.
 */
final class OrderFlow {

  private final World world;
  private final SplittableRandom rnd;

  OrderFlow(World world, SplittableRandom rnd) {
    this.world = world;
    this.rnd = rnd;
  }

  /** One action on {@code m}; returns how many messages it emitted. */
  int act(MarketState m, long now) {
    long before = world.emittedCount();
    int r = rnd.nextInt(100);
    if (r < 5) {
      drift(m);
    }
    if (r < 50 || m.book.depth(Side.YES) + m.book.depth(Side.NO) < 4) {
      add(m, now);
    } else if (r < 72) {
      cancel(m, now);
    } else {
      take(m, now);
    }
    tickerIfChanged(m, now);
    return (int) (world.emittedCount() - before);
  }

  private void drift(MarketState m) {
    long tick = m.grid.tickMicros();
    m.fairMicros = m.grid.clamp(m.fairMicros + (rnd.nextInt(3) - 1) * tick * (1 + rnd.nextInt(3)));
  }

  private void add(MarketState m, long now) {
    Side side = rnd.nextBoolean() ? Side.YES : Side.NO;
    long tick = m.grid.tickMicros();
    long anchor = side == Side.YES ? m.fairMicros - tick : Dollars.ONE - m.fairMicros - tick;
    long price = m.grid.clamp(anchor - rnd.nextInt(12) * tick);
    long otherBest = m.book.bestBid(side == Side.YES ? Side.NO : Side.YES);
    if (otherBest > 0 && price + otherBest >= Dollars.ONE) {
      price = Dollars.ONE - otherBest - tick;
      if (price < m.grid.minPrice()) {
        return;
      }
    }
    long size = size(m, 500);
    emitDelta(m, side, price, size, now);
    if (rnd.nextInt(40) == 0) {
      emitDelta(m, side, price, size, now);
    }
  }

  private void cancel(MarketState m, long now) {
    Side side = rnd.nextBoolean() ? Side.YES : Side.NO;
    int depth = m.book.depth(side);
    if (depth == 0) {
      return;
    }
    Map.Entry<Long, Long> level = m.book.levelFromBest(side, rnd.nextInt(depth));
    long size = level.getValue();
    long cut =
        rnd.nextBoolean() ? size : Math.max(1, Math.min(size, size(m, (int) (size / 100) + 1)));
    emitDelta(m, side, level.getKey(), -cut, now);
  }

  private void take(MarketState m, long now) {
    Side taker = rnd.nextBoolean() ? Side.YES : Side.NO;
    Side hit = taker == Side.YES ? Side.NO : Side.YES;
    long best = m.book.bestBid(hit);
    if (best == 0) {
      return;
    }
    long count = Math.min(m.book.bestBidSize(hit), size(m, 200));
    long yesPrice = taker == Side.YES ? Dollars.ONE - best : best;
    emitDelta(m, hit, best, -count, now);
    TradeRecord t =
        new TradeRecord(
            world.tape.nextNumber(), uuid(), m.ticker, yesPrice, count, taker, now * 1000);
    m.trades.add(t);
    if (world.tape.add(t)) {
      world.markets.forEach(x -> x.forgetBefore(world.tape.cutoffMicros()));
    }
    m.lastPrice = yesPrice;
    m.lastTradeSize = count;
    m.volume += count;
    m.cumulativeVolume.add(m.volume);
    m.openInterest += count;
    m.dollarVolumeMicros += count * yesPrice / Contracts.ONE;
    world.emit(Messages.trade(t), now);
  }

  /** Takes every resting level off the book (orders cancelled at close). */
  void clearBook(MarketState m, long now) {
    for (Side side : Side.values()) {
      while (m.book.depth(side) > 0) {
        Map.Entry<Long, Long> best = m.book.levelFromBest(side, 0);
        emitDelta(m, side, best.getKey(), -best.getValue(), now);
      }
    }
    tickerIfChanged(m, now);
  }

  void tickerIfChanged(MarketState m, long now) {
    TickerState t = m.ticker();
    if (!t.equals(m.lastTicker)) {
      if (m.lastTicker == null
          || m.lastTicker.yesBid() != t.yesBid()
          || m.lastTicker.yesAsk() != t.yesAsk()) {
        m.quotes.add(new QuoteTick(now, t.yesBid(), t.yesAsk()));
      }
      m.lastTicker = t;
      world.emit(Messages.ticker(m, t, now), now);
    }
  }

  private void emitDelta(MarketState m, Side side, long price, long delta, long now) {
    m.book.apply(side, price, delta);
    world.emit(Messages.delta(m, side, price, delta, now), now);
  }

  /** A random size in hundredths: whole contracts, or any hundredth on fractional markets. */
  private long size(MarketState m, int maxContracts) {
    int contracts = 1 + rnd.nextInt(Math.max(1, maxContracts));
    if (!m.fractional) {
      return contracts * Contracts.ONE;
    }
    return Math.max(1, contracts * Contracts.ONE - rnd.nextInt((int) Contracts.ONE));
  }

  String uuid() {
    return uuid(rnd);
  }

  /** A random (version 4) UUID drawn from the seeded source. */
  static String uuid(SplittableRandom rnd) {
    long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }
}
