package io.kdp.sim.rest;

import io.kdp.client.model.Contracts;
import io.kdp.client.model.Dollars;
import io.kdp.client.rest.wire.BidAskDistribution;
import io.kdp.client.rest.wire.Candlestick;
import io.kdp.client.rest.wire.PriceDistribution;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.QuoteTick;
import io.kdp.sim.world.TradeRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Candlesticks built from a market's own trades and quote changes. A candle covers the period
 * {@code (end - interval, end]} and is labelled by its inclusive end, {@code end_period_ts}.
 */
final class Candles {

  static final int MAX_CANDLES = 10_000;

  private Candles() {}

  static List<Candlestick> build(
      MarketState m,
      long startTs,
      long endTs,
      int intervalMinutes,
      long nowMillis,
      boolean latestBefore) {
    long period = intervalMinutes * 60L;
    long firstEnd = Math.max(ceil(startTs, period), ceil(m.createdMillis / 1000 + 1, period));
    long lastEnd = Math.min(endTs, ceil(nowMillis / 1000, period));
    List<Candlestick> out = new ArrayList<>();
    if (latestBefore && firstEnd <= lastEnd) {
      int i = Views.firstTradeAtOrAfter(m.trades(), (firstEnd - period) * 1_000_000 + 1);
      String previous = i == 0 ? null : Dollars.format(m.trades().get(i - 1).yesPriceMicros());
      out.add(
          new Candlestick(
              firstEnd - period,
              quotes(m, firstEnd - 2 * period, firstEnd - period),
              asks(m, firstEnd - 2 * period, firstEnd - period),
              new PriceDistribution(null, null, null, null, null, previous, null, null),
              "0.00",
              Contracts.format(oiAt(m, firstEnd - period))));
    }
    for (long end = firstEnd; end <= lastEnd; end += period) {
      if (out.size() >= MAX_CANDLES) {
        throw ApiException.badRequest("more than " + MAX_CANDLES + " candlesticks requested");
      }
      out.add(candle(m, end - period, end));
    }
    return out;
  }

  private static Candlestick candle(MarketState m, long from, long to) {
    List<TradeRecord> trades = m.trades();
    int i = Views.firstTradeAtOrAfter(trades, from * 1_000_000 + 1);
    String previous = i == 0 ? null : Dollars.format(trades.get(i - 1).yesPriceMicros());
    long open = -1,
        high = Long.MIN_VALUE,
        low = Long.MAX_VALUE,
        close = -1,
        volume = 0,
        notional = 0;
    for (int k = i; k < trades.size() && trades.get(k).timeMicros() <= to * 1_000_000; k++) {
      TradeRecord t = trades.get(k);
      long p = t.yesPriceMicros();
      open = open < 0 ? p : open;
      close = p;
      high = Math.max(high, p);
      low = Math.min(low, p);
      volume += t.countCenti();
      notional += p * t.countCenti();
    }
    PriceDistribution price =
        volume == 0
            ? new PriceDistribution(null, null, null, null, null, previous, null, null)
            : new PriceDistribution(
                Dollars.format(open),
                Dollars.format(low),
                Dollars.format(high),
                Dollars.format(close),
                Dollars.format((notional + volume * 50) / (volume * 100) * 100),
                previous,
                null,
                null);
    return new Candlestick(
        to,
        quotes(m, from, to),
        asks(m, from, to),
        price,
        Contracts.format(volume),
        Contracts.format(oiAt(m, to)));
  }

  private static BidAskDistribution quotes(MarketState m, long from, long to) {
    return ohlc(m.quotes(), from, to, true);
  }

  private static BidAskDistribution asks(MarketState m, long from, long to) {
    return ohlc(m.quotes(), from, to, false);
  }

  private static BidAskDistribution ohlc(List<QuoteTick> quotes, long from, long to, boolean bid) {
    int i = Views.quoteIndexAt(quotes, from * 1000);
    QuoteTick start = i < 0 ? null : quotes.get(i);
    long open = start == null ? 0 : value(start, bid);
    long high = open, low = open, close = open;
    boolean seen = start != null;
    i++;
    for (; i < quotes.size() && quotes.get(i).timeMillis() <= to * 1000; i++) {
      long v = value(quotes.get(i), bid);
      if (!seen) {
        open = high = low = v;
        seen = true;
      }
      high = Math.max(high, v);
      low = Math.min(low, v);
      close = v;
    }
    return new BidAskDistribution(
        Dollars.format(open), Dollars.format(low), Dollars.format(high), Dollars.format(close));
  }

  private static long value(QuoteTick q, boolean bid) {
    return bid ? q.yesBidMicros() : q.yesAskMicros();
  }

  /** Open interest after the last trade at or before {@code ts} (seconds). */
  private static long oiAt(MarketState m, long ts) {
    return Views.volumeBeforeMicros(m, ts * 1_000_000 + 1);
  }

  private static long ceil(long ts, long period) {
    return Math.floorDiv(ts + period - 1, period) * period;
  }
}
