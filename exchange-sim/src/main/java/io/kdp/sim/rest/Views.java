package io.kdp.sim.rest;

import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.model.Side;
import io.kdp.client.rest.wire.EventData;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.Series;
import io.kdp.client.rest.wire.SettlementSource;
import io.kdp.client.rest.wire.Trade;
import io.kdp.sim.world.EventState;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.MarketStatus;
import io.kdp.sim.world.QuoteTick;
import io.kdp.sim.world.SeriesState;
import io.kdp.sim.world.TradeRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Adapters from the world's state to Kalshi's REST wire records. Called under the world lock. */
final class Views {

  private static final long DAY = 86_400_000L;

  private Views() {}

  static String time(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  static String timeMicros(long micros) {
    return Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000)
        .toString();
  }

  static Market market(MarketState m, long now, long determineDelayMillis) {
    long yesBid = m.yesBid();
    long yesAsk = m.yesAsk();
    QuoteTick previous = quoteAt(m.quotes(), now - DAY);
    boolean determined = m.status().ordinal() >= MarketStatus.DETERMINED.ordinal();
    return new Market(
        m.ticker,
        m.event.eventTicker,
        "binary",
        m.event.title,
        "",
        m.yesSubTitle(),
        m.noSubTitle(),
        time(m.createdMillis),
        time(m.updatedMillis()),
        time(m.openMillis()),
        time(m.closeMillis()),
        time(m.expectedExpirationMillis(determineDelayMillis)),
        time(m.expectedExpirationMillis(determineDelayMillis)),
        time(m.closeMillis() + 7 * DAY),
        m.settlementTimerSeconds,
        m.status().wire(),
        "usd_cent",
        Dollars.format(yesBid),
        Contracts.format(m.book.bestBidSize(Side.YES)),
        Dollars.format(yesAsk),
        Contracts.format(m.book.bestBidSize(Side.NO)),
        Dollars.format(Dollars.ONE - yesAsk),
        Dollars.format(Dollars.ONE - yesBid),
        Dollars.format(m.lastPrice()),
        Contracts.format(m.volume()),
        Contracts.format(m.volume() - volumeBefore(m, now - DAY)),
        m.result(),
        m.canCloseEarly,
        m.fractional,
        Contracts.format(m.openInterest()),
        "1.0000",
        Dollars.format(previous == null ? 0 : previous.yesBidMicros()),
        Dollars.format(previous == null ? 0 : previous.yesAskMicros()),
        Dollars.format(priceBefore(m, now - DAY)),
        "0.0000",
        determined ? Dollars.format(m.settlementValueMicros()) : null,
        m.settledMillis() > 0 ? time(m.settledMillis()) : null,
        determined ? m.result() : "",
        null,
        null,
        null,
        (int) (m.grid().tickMicros() / 10_000 == 0 ? 1 : m.grid().tickMicros() / 10_000),
        m.strikeType,
        m.floorStrike,
        null,
        null,
        null,
        m.rulesPrimary,
        "",
        null,
        null,
        null,
        m.grid().wire(),
        m.grid().priceRanges(),
        null);
  }

  static EventData event(EventState e, List<Market> nested) {
    return new EventData(
        e.eventTicker,
        e.series.ticker(),
        e.subTitle,
        e.title,
        e.collateralReturnType(),
        e.mutuallyExclusive,
        e.series.category(),
        time(e.strikeDateMillis),
        null,
        nested,
        true,
        KalshiJson.mapper().createObjectNode(),
        time(e.lastUpdatedMillis()));
  }

  static Series series(SeriesState s, String volumeFp) {
    return new Series(
        s.ticker(),
        s.frequency(),
        s.title(),
        s.category(),
        s.tags(),
        List.of(new SettlementSource("Kalshi simulator", "https://kalshi.com")),
        "https://kalshi.com/markets/" + s.ticker().toLowerCase(java.util.Locale.ROOT),
        "https://kalshi.com/docs/" + s.ticker().toLowerCase(java.util.Locale.ROOT) + ".pdf",
        null,
        s.feeType(),
        new BigDecimal(s.feeMultiplier()),
        List.of(),
        volumeFp,
        time(s.lastUpdatedMillis()));
  }

  static Trade trade(TradeRecord t) {
    String side = t.takerSide().wire();
    return new Trade(
        t.tradeId(),
        t.ticker(),
        Contracts.format(t.countCenti()),
        Dollars.format(t.yesPriceMicros()),
        Dollars.format(t.noPriceMicros()),
        side,
        null,
        null,
        timeMicros(t.timeMicros()));
  }

  /** The quote in force at {@code millis}, or null before the first one. */
  static QuoteTick quoteAt(List<QuoteTick> quotes, long millis) {
    int i = quoteIndexAt(quotes, millis);
    return i < 0 ? null : quotes.get(i);
  }

  /** Index of the last quote at or before {@code millis}, or -1. */
  static int quoteIndexAt(List<QuoteTick> quotes, long millis) {
    int lo = 0;
    int hi = quotes.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (quotes.get(mid).timeMillis() <= millis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  /** Index of the first trade at or after {@code micros}. */
  static int firstTradeAtOrAfter(List<TradeRecord> trades, long micros) {
    int lo = 0;
    int hi = trades.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (trades.get(mid).timeMicros() < micros) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static long volumeBefore(MarketState m, long millis) {
    return volumeBeforeMicros(m, millis * 1000);
  }

  /** Volume before a time; 0 when the time lies before trades that were already dropped. */
  static long volumeBeforeMicros(MarketState m, long micros) {
    int i = firstTradeAtOrAfter(m.trades(), micros);
    return i == 0 && micros < m.forgottenBeforeMicros() ? 0 : m.volumeBefore(i);
  }

  private static long priceBefore(MarketState m, long millis) {
    int i = firstTradeAtOrAfter(m.trades(), millis * 1000);
    return i == 0 ? 0 : m.trades().get(i - 1).yesPriceMicros();
  }
}
