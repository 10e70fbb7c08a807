package io.kdp.sim.world;

import java.util.ArrayList;
import java.util.List;

/**
 * The exchange's trade tape, oldest first. Bounded: past {@code maxTrades} the oldest half moves
 * behind the historical cutoff (as Kalshi moves old trades to {@code /historical/trades}).
 */
public final class TradeTape {

  private final int maxTrades;
  private List<TradeRecord> trades = new ArrayList<>();
  private long nextNumber = 1;
  private long cutoffMicros;

  TradeTape(int maxTrades) {
    this.maxTrades = maxTrades;
  }

  long nextNumber() {
    return nextNumber++;
  }

  /** Appends a trade; returns true when older trades moved behind the cutoff. */
  boolean add(TradeRecord trade) {
    trades.add(trade);
    if (trades.size() <= maxTrades) {
      return false;
    }
    int drop = trades.size() / 2;
    cutoffMicros = trades.get(drop).timeMicros();
    trades = new ArrayList<>(trades.subList(drop, trades.size()));
    return true;
  }

  /** The live tape, oldest first (read under the world lock). */
  public List<TradeRecord> trades() {
    return trades;
  }

  /** Trades before this time are no longer on the live tape (0 while nothing was dropped). */
  public long cutoffMicros() {
    return cutoffMicros;
  }
}
