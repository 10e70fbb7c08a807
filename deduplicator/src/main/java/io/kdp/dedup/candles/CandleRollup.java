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
 * rollup tables): after a merge, every (market, minute) it touched is recomputed from production's
 * trades and tickers, then the hours and days holding those minutes from the minutes. Recomputing
 * whole candles makes this idempotent and correct for back-filled (late) trades.
 *
 * <p>Trade OHLC over the period's trades in time order (ties by trade id), null without trades;
 * volume and trade count; quote OHLC of the best YES bid and ask over the period's tickers; open
 * interest of the period's last ticker.
 */
public final class CandleRollup {

  private static final String MINUTES =
      "WITH k AS (SELECT * FROM unnest(?::text[], ?::bigint[]) AS k(market, e)),"
          + " t AS (SELECT k.market, k.e, (array_agg(tr.yes_price ORDER BY tr.time, tr.trade_id))[1]"
          + " o, max(tr.yes_price) h, min(tr.yes_price) l, (array_agg(tr.yes_price ORDER BY"
          + " tr.time DESC, tr.trade_id DESC))[1] c, coalesce(sum(tr.count), 0) v,"
          + " count(tr.trade_id) n FROM k LEFT JOIN trades tr ON tr.market = k.market AND"
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
          + " INSERT INTO candles_1m SELECT t.market, kdp_micros(t.e), o, h, l, c, v, n, bo, bh,"
          + " bl, bc, ao, ah, al, ac, oi FROM t JOIN q USING (market, e)"
          + " ON CONFLICT (market, end_period_ts) DO UPDATE SET"
          + updateAll();

  private CandleRollup() {}

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
            "open_interest");
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
        + " SELECT k.market, kdp_micros(k.e),"
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
        + " s.open_interest IS NOT NULL))[1] FROM k LEFT JOIN "
        + from.table()
        + " s ON s.market = k.market AND s.end_period_ts > kdp_micros(k.e - "
        + to.micros()
        + ") AND s.end_period_ts <= kdp_micros(k.e) GROUP BY k.market, k.e"
        + " ON CONFLICT (market, end_period_ts) DO UPDATE SET"
        + updateAll();
  }

  /**
   * Recomputes the candles holding the given times, per market (Unix µs of trades and tickers
   * merged). Returns the number of 1-minute candles written.
   */
  public static int refresh(Connection c, Map<String, Set<Long>> timesByMarket)
      throws SQLException {
    int minutes = 0;
    CandlePeriod previous = null;
    for (CandlePeriod p : CandlePeriod.values()) {
      List<String> markets = new ArrayList<>();
      List<Long> ends = new ArrayList<>();
      for (Map.Entry<String, Set<Long>> e : timesByMarket.entrySet()) {
        TreeSet<Long> distinct = new TreeSet<>();
        for (long t : e.getValue()) {
          distinct.add(p.endOf(t));
        }
        for (long end : distinct) {
          markets.add(e.getKey());
          ends.add(end);
        }
      }
      if (markets.isEmpty()) {
        return 0;
      }
      String sql = previous == null ? MINUTES : rollup(previous, p);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setArray(1, c.createArrayOf("text", markets.toArray(String[]::new)));
        ps.setArray(2, c.createArrayOf("bigint", ends.toArray(Long[]::new)));
        int n = ps.executeUpdate();
        if (previous == null) {
          minutes = n;
        }
      }
      previous = p;
    }
    return minutes;
  }
}
