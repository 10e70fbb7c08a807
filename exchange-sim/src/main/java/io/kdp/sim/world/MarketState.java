package io.kdp.sim.world;

import io.kdp.client.model.Dollars;
import io.kdp.client.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One binary market and everything the exchange knows about it. Mutated only by the engine, read by
 * REST and WebSocket code, always under the world lock.
 */
public final class MarketState {

  /** Creation order across the exchange, the sort key of {@code GET /markets}. */
  public final int index;

  public final String ticker;
  public final String marketId;
  public final EventState event;
  public final boolean fractional;
  public final boolean canCloseEarly;
  public final String strikeType;
  public final BigDecimal floorStrike;
  public final String rulesPrimary;
  public final long createdMillis;
  public final int settlementTimerSeconds;
  public final Book book = new Book();
  final List<TradeRecord> trades = new ArrayList<>();
  final List<QuoteTick> quotes = new ArrayList<>();
  final List<Long> cumulativeVolume = new ArrayList<>();

  String yesSubTitle;
  String noSubTitle;
  PriceGrid grid;
  MarketStatus status = MarketStatus.INITIALIZED;
  long openMillis;
  long closeMillis;
  long updatedMillis;
  long fairMicros;
  long resumeMillis;
  long lastPrice;
  long lastTradeSize;
  long volume;
  long openInterest;
  long dollarVolumeMicros;
  String result = "";
  long settlementValueMicros = -1;
  long determinedMillis;
  long settledMillis;
  TickerState lastTicker;
  long forgottenBeforeMicros;

  MarketState(
      int index,
      String ticker,
      String marketId,
      EventState event,
      MarketSpec spec,
      long createdMillis,
      long openMillis,
      long closeMillis,
      int settlementTimerSeconds) {
    this.index = index;
    this.ticker = ticker;
    this.marketId = marketId;
    this.event = event;
    this.fractional = spec.fractional();
    this.canCloseEarly = spec.canCloseEarly();
    this.strikeType = spec.strikeType();
    this.floorStrike = spec.floorStrike();
    this.rulesPrimary = spec.rulesPrimary();
    this.yesSubTitle = spec.yesSubTitle();
    this.noSubTitle = spec.noSubTitle();
    this.grid = spec.grid();
    this.fairMicros = spec.fairMicros();
    this.createdMillis = createdMillis;
    this.updatedMillis = createdMillis;
    this.openMillis = openMillis;
    this.closeMillis = closeMillis;
    this.settlementTimerSeconds = settlementTimerSeconds;
  }

  public MarketStatus status() {
    return status;
  }

  public PriceGrid grid() {
    return grid;
  }

  public String yesSubTitle() {
    return yesSubTitle;
  }

  public String noSubTitle() {
    return noSubTitle;
  }

  public long openMillis() {
    return openMillis;
  }

  public long closeMillis() {
    return closeMillis;
  }

  public long updatedMillis() {
    return updatedMillis;
  }

  public long lastPrice() {
    return lastPrice;
  }

  public long volume() {
    return volume;
  }

  public long openInterest() {
    return openInterest;
  }

  /** {@code yes}, {@code no}, or {@code ""} before determination. */
  public String result() {
    return result;
  }

  /** YES payout in micro-dollars once determined, else -1. */
  public long settlementValueMicros() {
    return settlementValueMicros;
  }

  public long determinedMillis() {
    return determinedMillis;
  }

  /** When the market settled, 0 before. */
  public long settledMillis() {
    return settledMillis;
  }

  /** Best YES bid, 0 when none. */
  public long yesBid() {
    return book.bestBid(Side.YES);
  }

  /** Best YES ask: one dollar minus the best NO bid (one dollar when there is none). */
  public long yesAsk() {
    return Dollars.ONE - book.bestBid(Side.NO);
  }

  /** This market's trades, oldest first (read under the world lock). */
  public List<TradeRecord> trades() {
    return trades;
  }

  /**
   * Drops trades before {@code cutoffMicros} (they left the live tape) and quote changes before it
   * except the one still in force, so memory stays bounded on a long run.
   */
  void forgetBefore(long cutoffMicros) {
    forgottenBeforeMicros = cutoffMicros;
    int t = 0;
    while (t < trades.size() && trades.get(t).timeMicros() < cutoffMicros) {
      t++;
    }
    trades.subList(0, t).clear();
    cumulativeVolume.subList(0, t).clear();
    int q = 0;
    while (q + 1 < quotes.size() && quotes.get(q + 1).timeMillis() * 1000 < cutoffMicros) {
      q++;
    }
    quotes.subList(0, q).clear();
  }

  /** Trades before this time were dropped from {@link #trades()} (0: none were). */
  public long forgottenBeforeMicros() {
    return forgottenBeforeMicros;
  }

  /** Volume traded before the i-th trade of {@link #trades()} (works after old trades left). */
  public long volumeBefore(int i) {
    if (i > 0) {
      return cumulativeVolume.get(i - 1);
    }
    return trades.isEmpty() ? volume : cumulativeVolume.get(0) - trades.get(0).countCenti();
  }

  /** Total volume up to and including the i-th trade of {@link #trades()}. */
  public long cumulativeVolume(int i) {
    return cumulativeVolume.get(i);
  }

  /** Every change of the best YES bid/ask, oldest first (read under the world lock). */
  public List<QuoteTick> quotes() {
    return quotes;
  }

  /** Expected expiration: the close time plus the determination delay. */
  public long expectedExpirationMillis(long determineDelayMillis) {
    return closeMillis + determineDelayMillis;
  }

  /** The market's current {@code ticker} message (sid/seq 0). */
  public io.kdp.client.ws.message.TickerMessage tickerMessage(long nowMillis) {
    return Messages.ticker(this, ticker(), nowMillis);
  }

  TickerState ticker() {
    return new TickerState(
        lastPrice,
        yesBid(),
        yesAsk(),
        volume,
        openInterest,
        dollarVolumeMicros / Dollars.ONE,
        openInterest * lastPrice / Dollars.ONE / 100,
        book.bestBidSize(Side.YES),
        book.bestBidSize(Side.NO),
        lastTradeSize);
  }
}
