package io.kdp.dedup.candles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one merge added to production, per market and 1-minute candle: the aggregates of the trades
 * and tickers its inserts returned. Only rows an insert actually took arrive here, so a row re-read
 * or delivered by several gatherers never counts twice. {@link MinuteCandles} merges them into
 * {@code candles_1m}.
 */
public final class MinuteDeltas {

  /** A 1-minute candle: its market and end (Unix µs). */
  record Key(String market, long end) {}

  /** The new trades of one candle: price high and low, Σ count, number, Σ price × count. */
  record Trades(long high, long low, long volume, long count, long priceCountSum) {
    Trades plus(Trades o) {
      return new Trades(
          Math.max(high, o.high),
          Math.min(low, o.low),
          volume + o.volume,
          count + o.count,
          priceCountSum + o.priceCountSum);
    }
  }

  /** The new tickers of one candle: best YES bid and ask high and low. */
  record Quotes(long bidHigh, long bidLow, long askHigh, long askLow) {
    Quotes plus(Quotes o) {
      return new Quotes(
          Math.max(bidHigh, o.bidHigh),
          Math.min(bidLow, o.bidLow),
          Math.max(askHigh, o.askHigh),
          Math.min(askLow, o.askLow));
    }
  }

  private static final long MINUTE = 60_000_000L;

  private final Map<Key, Trades> trades = new LinkedHashMap<>();
  private final Map<Key, Quotes> quotes = new LinkedHashMap<>();

  /**
   * Adds the rows of a trade insert's aggregate (market, minute end, high, low, volume, count, Σ
   * price × count); returns the number of trades they stand for.
   */
  public long addTrades(ResultSet rs) throws SQLException {
    long n = 0;
    while (rs.next()) {
      Trades t =
          new Trades(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
      trades.merge(new Key(rs.getString(1), rs.getLong(2)), t, Trades::plus);
      n += t.count();
    }
    return n;
  }

  /**
   * Adds one trade inserted at {@code timeMicros} (its production time), as {@link #addTrades} adds
   * the aggregate rows of a trade insert: the candle ends as {@link #minuteEnd} computes it.
   */
  public void addTrade(String market, long timeMicros, long yesPrice, long count) {
    long end = ((timeMicros - 1) / MINUTE + 1) * MINUTE;
    Trades t = new Trades(yesPrice, yesPrice, count, 1, Math.multiplyExact(yesPrice, count));
    trades.merge(new Key(market, end), t, Trades::plus);
  }

  /**
   * Adds the rows of a ticker insert's aggregate (market, minute end, bid high, bid low, ask high,
   * ask low, count); returns the number of tickers they stand for.
   */
  public long addQuotes(ResultSet rs) throws SQLException {
    long n = 0;
    while (rs.next()) {
      Quotes q = new Quotes(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
      quotes.merge(new Key(rs.getString(1), rs.getLong(2)), q, Quotes::plus);
      n += rs.getLong(7);
    }
    return n;
  }

  Map<Key, Trades> trades() {
    return trades;
  }

  Map<Key, Quotes> quotes() {
    return quotes;
  }

  /** The minute ends of the candles touched, per market. */
  public Map<String, Set<Long>> touched() {
    Map<String, Set<Long>> ends = new HashMap<>();
    for (Key k : trades.keySet()) {
      ends.computeIfAbsent(k.market(), m -> new TreeSet<>()).add(k.end());
    }
    for (Key k : quotes.keySet()) {
      ends.computeIfAbsent(k.market(), m -> new TreeSet<>()).add(k.end());
    }
    return ends;
  }

  /**
   * The SQL expression of the minute end (Unix µs) of a {@code timestamptz} column, as {@link
   * CandlePeriod#endOf} for times after 1970 (bigint division truncates): a candle covers {@code
   * (end - 1 min, end]}.
   */
  public static String minuteEnd(String column) {
    return "((((extract(epoch FROM "
        + column
        + ") * 1000000)::bigint - 1) / 60000000 + 1) * 60000000)";
  }
}
