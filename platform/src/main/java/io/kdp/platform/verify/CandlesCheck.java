package io.kdp.platform.verify;

import io.kdp.platform.admin.Candle;
import io.kdp.platform.admin.ExchangeCandles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * 1-minute candles: for each sampled market, every period wholly inside the window in which either
 * side saw a trade must have the same trade OHLC and volume in production's {@code candles_1m} as
 * in the exchange's candlesticks ({@code period_interval=1}).
 */
final class CandlesCheck {

  private static final String PRODUCTION =
      "SELECT extract(epoch FROM end_period_ts)::bigint, price_open, price_high, price_low,"
          + " price_close, volume FROM candles_1m WHERE market = ?"
          + " AND end_period_ts >= to_timestamp(?) AND end_period_ts <= to_timestamp(?)";

  private CandlesCheck() {}

  static CheckResult run(
      ExchangeCandles exchange,
      Connection production,
      List<String> markets,
      long fromSec,
      long toSec)
      throws Exception {
    long firstEnd = (fromSec + 59) / 60 * 60 + 60; // first period starting at or after fromSec
    long lastEnd = toSec / 60 * 60; // last period ending at or before toSec
    List<String> examples = new ArrayList<>();
    long compared = 0;
    long missing = 0;
    long extra = 0;
    long different = 0;
    for (String market : markets) {
      if (lastEnd < firstEnd) {
        break;
      }
      Map<Long, Candle> truth = traded(exchange.candles(market, firstEnd, lastEnd));
      Map<Long, Candle> stored = traded(production(production, market, firstEnd, lastEnd));
      compared += truth.size();
      for (Map.Entry<Long, Candle> e : truth.entrySet()) {
        Candle s = stored.remove(e.getKey());
        if (s == null) {
          missing++;
          TradesCheck.note(examples, "missing candle " + market + " " + e.getValue());
        } else if (!Objects.equals(s, e.getValue())) {
          different++;
          TradesCheck.note(
              examples, "differs " + market + ": exchange " + e.getValue() + " production " + s);
        }
      }
      extra += stored.size();
      stored.values().forEach(c -> TradesCheck.note(examples, "extra candle " + market + " " + c));
    }
    return new CheckResult("candles_1m", compared, missing, extra, different, 0, examples);
  }

  /**
   * The periods that had a trade, by end; candles with volume 0 are quote-only and not compared.
   */
  private static Map<Long, Candle> traded(List<Candle> candles) {
    Map<Long, Candle> out = new TreeMap<>();
    for (Candle c : candles) {
      if (c.volume() > 0) {
        out.put(c.endPeriodTs(), c);
      }
    }
    return out;
  }

  private static List<Candle> production(Connection c, String market, long firstEnd, long lastEnd)
      throws SQLException {
    List<Candle> out = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(PRODUCTION)) {
      q.setString(1, market);
      q.setLong(2, firstEnd);
      q.setLong(3, lastEnd);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Candle(
                  rs.getLong(1),
                  (Long) rs.getObject(2),
                  (Long) rs.getObject(3),
                  (Long) rs.getObject(4),
                  (Long) rs.getObject(5),
                  rs.getLong(6)));
        }
      }
    }
    return out;
  }
}
