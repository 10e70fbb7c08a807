package io.kdp.dedup.candles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Merges a merge's {@link MinuteDeltas} into {@code candles_1m} (plain PostgreSQL) so that each
 * candle equals its full recompute from production ({@link CandleRollup#recompute}) without reading
 * the minute's rows: high and low by max and min, volume, trade count and Σ price × count by
 * addition, the mean from the sums. Open and close are the first and last row of the minute in
 * production's order ((time, trade_id) for trades, (time, content_hash) for tickers), read after
 * the insert by one probe each of the indexes {@code trades (market, time)} and {@code tickers
 * (market, time, content_hash)}: they see the rows just inserted, so a back-filled row earlier in
 * the minute, or a tie on time, takes open or close exactly as the recompute would.
 */
final class MinuteCandles {

  private static final String WINDOW =
      " WHERE x.market = d.market AND x.time > kdp_micros(d.e - 60000000) AND x.time <="
          + " kdp_micros(d.e) ORDER BY ";

  private static final String TRADES =
      "WITH d AS (SELECT * FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[],"
          + " ?::bigint[], ?::bigint[], ?::bigint[]) AS d(market, e, h, l, v, n, s))"
          + " INSERT INTO candles_1m AS c (market, end_period_ts, price_open, price_high,"
          + " price_low, price_close, volume, trade_count, price_mean, price_count_sum)"
          + " SELECT d.market, kdp_micros(d.e), (SELECT x.yes_price FROM trades x"
          + WINDOW
          + "x.time, x.trade_id LIMIT 1), d.h, d.l, (SELECT x.yes_price FROM trades x"
          + WINDOW
          + "x.time DESC, x.trade_id DESC LIMIT 1), d.v, d.n, "
          + CandleRollup.mean("d.s", "d.v")
          + ", d.s FROM d ON CONFLICT (market, end_period_ts) DO UPDATE SET"
          + " price_open = excluded.price_open,"
          + " price_high = greatest(c.price_high, excluded.price_high),"
          + " price_low = least(c.price_low, excluded.price_low),"
          + " price_close = excluded.price_close,"
          + " volume = c.volume + excluded.volume,"
          + " trade_count = c.trade_count + excluded.trade_count,"
          + " price_mean = "
          + CandleRollup.mean(
              "(c.price_count_sum + excluded.price_count_sum)", "(c.volume + excluded.volume)")
          + ", price_count_sum = c.price_count_sum + excluded.price_count_sum";

  private static final String QUOTES =
      "WITH d AS (SELECT * FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[],"
          + " ?::bigint[], ?::bigint[]) AS d(market, e, bh, bl, ah, al))"
          + " INSERT INTO candles_1m AS c (market, end_period_ts, volume, trade_count,"
          + " price_count_sum, yes_bid_open, yes_bid_high, yes_bid_low, yes_bid_close,"
          + " yes_ask_open, yes_ask_high, yes_ask_low, yes_ask_close, open_interest)"
          + " SELECT d.market, kdp_micros(d.e), 0, 0, 0, f.yes_bid, d.bh, d.bl, z.yes_bid,"
          + " f.yes_ask, d.ah, d.al, z.yes_ask, z.open_interest FROM d"
          + " CROSS JOIN LATERAL (SELECT x.yes_bid, x.yes_ask FROM tickers x"
          + WINDOW
          + "x.time, x.content_hash LIMIT 1) f"
          + " CROSS JOIN LATERAL (SELECT x.yes_bid, x.yes_ask, x.open_interest FROM tickers x"
          + WINDOW
          + "x.time DESC, x.content_hash DESC LIMIT 1) z"
          + " ON CONFLICT (market, end_period_ts) DO UPDATE SET"
          + " yes_bid_open = excluded.yes_bid_open,"
          + " yes_bid_high = greatest(c.yes_bid_high, excluded.yes_bid_high),"
          + " yes_bid_low = least(c.yes_bid_low, excluded.yes_bid_low),"
          + " yes_bid_close = excluded.yes_bid_close,"
          + " yes_ask_open = excluded.yes_ask_open,"
          + " yes_ask_high = greatest(c.yes_ask_high, excluded.yes_ask_high),"
          + " yes_ask_low = least(c.yes_ask_low, excluded.yes_ask_low),"
          + " yes_ask_close = excluded.yes_ask_close,"
          + " open_interest = excluded.open_interest";

  private MinuteCandles() {}

  /** Merges the deltas; returns the number of candle rows written. */
  static int upsert(Connection c, MinuteDeltas deltas) throws SQLException {
    int n = 0;
    Map<MinuteDeltas.Key, MinuteDeltas.Trades> trades = deltas.trades();
    if (!trades.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(TRADES)) {
        List<MinuteDeltas.Key> keys = List.copyOf(trades.keySet());
        List<MinuteDeltas.Trades> values = List.copyOf(trades.values());
        keys(c, ps, keys);
        longs(c, ps, 3, values, MinuteDeltas.Trades::high);
        longs(c, ps, 4, values, MinuteDeltas.Trades::low);
        longs(c, ps, 5, values, MinuteDeltas.Trades::volume);
        longs(c, ps, 6, values, MinuteDeltas.Trades::count);
        longs(c, ps, 7, values, MinuteDeltas.Trades::priceCountSum);
        n += ps.executeUpdate();
      }
    }
    Map<MinuteDeltas.Key, MinuteDeltas.Quotes> quotes = deltas.quotes();
    if (!quotes.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(QUOTES)) {
        List<MinuteDeltas.Key> keys = List.copyOf(quotes.keySet());
        List<MinuteDeltas.Quotes> values = List.copyOf(quotes.values());
        keys(c, ps, keys);
        longs(c, ps, 3, values, MinuteDeltas.Quotes::bidHigh);
        longs(c, ps, 4, values, MinuteDeltas.Quotes::bidLow);
        longs(c, ps, 5, values, MinuteDeltas.Quotes::askHigh);
        longs(c, ps, 6, values, MinuteDeltas.Quotes::askLow);
        n += ps.executeUpdate();
      }
    }
    return n;
  }

  private static void keys(Connection c, PreparedStatement ps, List<MinuteDeltas.Key> keys)
      throws SQLException {
    ps.setArray(1, c.createArrayOf("text", keys.stream().map(MinuteDeltas.Key::market).toArray()));
    longs(c, ps, 2, keys, MinuteDeltas.Key::end);
  }

  private static <T> void longs(
      Connection c, PreparedStatement ps, int index, List<T> values, ToLongFunction<T> f)
      throws SQLException {
    List<Long> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(f.applyAsLong(v)));
    ps.setArray(index, c.createArrayOf("bigint", out.toArray(Long[]::new)));
  }
}
