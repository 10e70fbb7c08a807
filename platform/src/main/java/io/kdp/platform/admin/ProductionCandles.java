package io.kdp.platform.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Candles from production's {@code candles_1m} (written by the deduplicator, labelled like Kalshi's
 * candlesticks by {@code end_period_ts}); the market picker lists the markets with the most volume
 * over the last hour.
 */
public final class ProductionCandles implements CandleSource {

  private static final String MARKETS =
      "SELECT market FROM candles_1m WHERE end_period_ts > ? GROUP BY market"
          + " ORDER BY sum(volume) DESC, market LIMIT ?";
  private static final String CANDLES =
      "SELECT extract(epoch FROM end_period_ts)::bigint, price_open, price_high, price_low,"
          + " price_close, volume FROM candles_1m WHERE market = ? AND end_period_ts > ?"
          + " ORDER BY end_period_ts";

  private final String jdbcUrl;
  private final InstantSource clock;

  public ProductionCandles(String jdbcUrl, InstantSource clock) {
    this.jdbcUrl = jdbcUrl;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "production";
  }

  @Override
  public List<String> markets(int limit) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        PreparedStatement q = c.prepareStatement(MARKETS)) {
      q.setObject(1, since(60));
      q.setInt(2, limit);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  @Override
  public List<Candle> candles(String ticker, int minutes) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        PreparedStatement q = c.prepareStatement(CANDLES)) {
      q.setString(1, ticker);
      q.setObject(2, since(minutes));
      List<Candle> out = new ArrayList<>();
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
      return out;
    }
  }

  private java.time.OffsetDateTime since(int minutes) {
    return clock.instant().minusSeconds(minutes * 60L).atOffset(java.time.ZoneOffset.UTC);
  }
}
