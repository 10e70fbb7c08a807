package io.kdp.dedup.candles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps {@code candles_1m}, {@code candles_1h} and {@code candles_1d} current (the plain PostgreSQL
 * rollup tables). After a merge, {@link #apply} merges what the merge inserted into the minutes it
 * touched ({@link MinuteCandles}: incremental, no minute re-read), then recomputes the hours and
 * days holding those minutes from the minutes. {@link #recompute} recomputes whole minutes from
 * production's trades and tickers instead: the reference the incremental path must equal, and a
 * repair.
 *
 * <p>Trade OHLC over the period's trades in time order (ties by trade id), null without trades;
 * volume and trade count; the volume-weighted mean price rounded as Kalshi does (from {@code
 * price_count_sum}, Σ price × count, so hours and days stay exact); the previous price, the last
 * trade at or before the period's start, reset on every later candle of a market a merge touched;
 * quote OHLC of the best YES bid and ask over the period's tickers (ties by content hash); open
 * interest of the period's last ticker. On TimescaleDB the continuous aggregates do this instead
 * ({@link CandleRefresh}).
 */
public final class CandleRollup {

  /** The columns written; price_previous is set afterwards ({@link #PREVIOUS}). */
  private static final String COLUMNS =
      "market, end_period_ts, price_open, price_high, price_low, price_close, volume, trade_count,"
          + " yes_bid_open, yes_bid_high, yes_bid_low, yes_bid_close, yes_ask_open, yes_ask_high,"
          + " yes_ask_low, yes_ask_close, open_interest, price_mean, price_count_sum";

  private static final String MINUTES =
      "WITH k AS (SELECT * FROM unnest(?::text[], ?::bigint[]) AS k(market, e)),"
          + " t AS (SELECT k.market, k.e, (array_agg(tr.yes_price ORDER BY tr.time, tr.trade_id))[1]"
          + " o, max(tr.yes_price) h, min(tr.yes_price) l, (array_agg(tr.yes_price ORDER BY"
          + " tr.time DESC, tr.trade_id DESC))[1] c, coalesce(sum(tr.count), 0) v,"
          + " count(tr.trade_id) n, coalesce(sum(tr.yes_price * tr.count), 0) s FROM k LEFT JOIN"
          + " trades tr ON tr.market = k.market AND"
          + " tr.time > kdp_micros(k.e - 60000000) AND tr.time <= kdp_micros(k.e) GROUP BY"
          + " k.market, k.e),"
          + " q AS (SELECT k.market, k.e, (array_agg(x.yes_bid ORDER BY x.time, x.content_hash))[1]"
          + " bo, max(x.yes_bid) bh, min(x.yes_bid) bl, (array_agg(x.yes_bid ORDER BY x.time DESC,"
          + " x.content_hash DESC))[1] bc, (array_agg(x.yes_ask ORDER BY x.time,"
          + " x.content_hash))[1] ao, max(x.yes_ask) ah, min(x.yes_ask) al, (array_agg(x.yes_ask"
          + " ORDER BY x.time DESC, x.content_hash DESC))[1] ac, (array_agg(x.open_interest ORDER"
          + " BY x.time DESC, x.content_hash DESC))[1] oi FROM k LEFT JOIN tickers x ON x.market ="
          + " k.market AND x.time > kdp_micros(k.e - 60000000) AND x.time <= kdp_micros(k.e)"
          + " GROUP BY k.market, k.e)"
          + " INSERT INTO candles_1m ("
          + COLUMNS
          + ") SELECT t.market, kdp_micros(t.e), o, h, l, c, v, n, bo, bh, bl, bc, ao, ah, al, ac,"
          + " oi, "
          + mean("s", "v")
          + ", s FROM t JOIN q USING (market, e)"
          + " ON CONFLICT (market, end_period_ts) DO UPDATE SET"
          + updateAll();

  /**
   * Sets price_previous, the last trade at or before the period's start, on every candle of the
   * market from the given end on: a back-filled trade changes the previous price of the candles
   * after it.
   */
  private static final String PREVIOUS =
      "UPDATE %s c SET price_previous = (SELECT tr.yes_price FROM trades tr WHERE tr.market ="
          + " c.market AND tr.time <= c.end_period_ts - %d * interval '1 microsecond' ORDER BY"
          + " tr.time DESC, tr.trade_id DESC LIMIT 1) FROM unnest(?::text[], ?::bigint[]) AS"
          + " k(market, e) WHERE c.market = k.market AND c.end_period_ts >= kdp_micros(k.e)";

  private CandleRollup() {}

  /**
   * The volume-weighted mean price as Kalshi's (and the simulator's) candles give it: rounded half
   * up to 0.0001 dollars (100 µ$), null without volume.
   */
  static String mean(String sum, String volume) {
    return "(div("
        + sum
        + " + 50 * "
        + volume
        + ", 100 * nullif("
        + volume
        + ", 0)) * 100)::bigint";
  }

  private static String updateAll() {
    List<String> cols =
        List.of(
            "price_open",
            "price_high",
            "price_low",
            "price_close",
            "volume",
            "trade_count",
            "yes_bid_open",
            "yes_bid_high",
            "yes_bid_low",
            "yes_bid_close",
            "yes_ask_open",
            "yes_ask_high",
            "yes_ask_low",
            "yes_ask_close",
            "open_interest",
            "price_mean",
            "price_count_sum");
    List<String> sets = new ArrayList<>();
    for (String col : cols) {
      sets.add(" " + col + " = excluded." + col);
    }
    return String.join(",", sets);
  }

  /** Rolls {@code from} candles up into {@code to} candles for the given keys. */
  private static String rollup(CandlePeriod from, CandlePeriod to) {
    return "WITH k AS (SELECT * FROM unnest(?::text[], ?::bigint[]) AS k(market, e))"
        + " INSERT INTO "
        + to.table()
        + " ("
        + COLUMNS
        + ") SELECT k.market, kdp_micros(k.e),"
        + " (array_agg(s.price_open ORDER BY s.end_period_ts) FILTER (WHERE s.price_open IS NOT"
        + " NULL))[1], max(s.price_high), min(s.price_low), (array_agg(s.price_close ORDER BY"
        + " s.end_period_ts DESC) FILTER (WHERE s.price_close IS NOT NULL))[1],"
        + " coalesce(sum(s.volume), 0), coalesce(sum(s.trade_count), 0),"
        + " (array_agg(s.yes_bid_open ORDER BY s.end_period_ts) FILTER (WHERE s.yes_bid_open IS"
        + " NOT NULL))[1], max(s.yes_bid_high), min(s.yes_bid_low), (array_agg(s.yes_bid_close"
        + " ORDER BY s.end_period_ts DESC) FILTER (WHERE s.yes_bid_close IS NOT NULL))[1],"
        + " (array_agg(s.yes_ask_open ORDER BY s.end_period_ts) FILTER (WHERE s.yes_ask_open IS"
        + " NOT NULL))[1], max(s.yes_ask_high), min(s.yes_ask_low), (array_agg(s.yes_ask_close"
        + " ORDER BY s.end_period_ts DESC) FILTER (WHERE s.yes_ask_close IS NOT NULL))[1],"
        + " (array_agg(s.open_interest ORDER BY s.end_period_ts DESC) FILTER (WHERE"
        + " s.open_interest IS NOT NULL))[1], "
        + mean("sum(s.price_count_sum)", "sum(s.volume)")
        + ", coalesce(sum(s.price_count_sum), 0) FROM k LEFT JOIN "
        + from.table()
        + " s ON s.market = k.market AND s.end_period_ts > kdp_micros(k.e - "
        + to.micros()
        + ") AND s.end_period_ts <= kdp_micros(k.e) GROUP BY k.market, k.e"
        + " ON CONFLICT (market, end_period_ts) DO UPDATE SET"
        + updateAll();
  }

  /**
   * Merges a merge's deltas into the minutes, then recomputes the hours and days holding them and
   * the previous price of every later candle of their markets. Returns the number of 1-minute
   * candles touched.
   */
  public static int apply(Connection c, MinuteDeltas deltas) throws SQLException {
    return refresh(c, deltas.touched(), deltas);
  }

  /**
   * Recomputes the candles holding the given times, per market (Unix µs), whole from production's
   * trades and tickers, and the previous price of every later candle of those markets. Returns the
   * number of 1-minute candles written.
   */
  public static int recompute(Connection c, Map<String, Set<Long>> timesByMarket)
      throws SQLException {
    return refresh(c, timesByMarket, null);
  }

  private static int refresh(Connection c, Map<String, Set<Long>> timesByMarket, MinuteDeltas d)
      throws SQLException {
    int minutes = 0;
    CandlePeriod previous = null;
    for (CandlePeriod p : CandlePeriod.values()) {
      List<String> markets = new ArrayList<>();
      List<Long> ends = new ArrayList<>();
      List<String> firstMarkets = new ArrayList<>();
      List<Long> firstEnds = new ArrayList<>();
      for (Map.Entry<String, Set<Long>> e : timesByMarket.entrySet()) {
        TreeSet<Long> distinct = new TreeSet<>();
        for (long t : e.getValue()) {
          distinct.add(p.endOf(t));
        }
        for (long end : distinct) {
          markets.add(e.getKey());
          ends.add(end);
        }
        if (!distinct.isEmpty()) {
          firstMarkets.add(e.getKey());
          firstEnds.add(distinct.first());
        }
      }
      if (markets.isEmpty()) {
        return 0;
      }
      if (previous != null) {
        execute(c, rollup(previous, p), markets, ends);
      } else if (d != null) {
        MinuteCandles.upsert(c, d);
        minutes = markets.size();
      } else {
        minutes = execute(c, MINUTES, markets, ends);
      }
      execute(c, String.format(PREVIOUS, p.table(), p.micros()), firstMarkets, firstEnds);
      previous = p;
    }
    return minutes;
  }

  private static int execute(Connection c, String sql, List<String> markets, List<Long> ends)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", markets.toArray(String[]::new)));
      ps.setArray(2, c.createArrayOf("bigint", ends.toArray(Long[]::new)));
      return ps.executeUpdate();
    }
  }
}
