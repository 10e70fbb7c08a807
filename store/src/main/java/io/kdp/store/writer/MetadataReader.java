package io.kdp.store.writer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.store.row.EventRow;
import io.kdp.store.row.MarketRow;
import io.kdp.store.row.MarketStatusChange;
import io.kdp.store.row.SeriesRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the stored metadata back as rows (a gatherer's registry at start-up, tests, tools). */
public final class MetadataReader {

  private MetadataReader() {}

  /** Every stored market, by ticker. */
  public static List<MarketRow> markets(Connection c) throws SQLException {
    return query(c, "SELECT * FROM markets ORDER BY ticker", MetadataReader::market);
  }

  /** Every stored event, by ticker. */
  public static List<EventRow> events(Connection c) throws SQLException {
    return query(c, "SELECT * FROM events ORDER BY event_ticker", MetadataReader::event);
  }

  /** Every stored series, by ticker. */
  public static List<SeriesRow> series(Connection c) throws SQLException {
    return query(c, "SELECT * FROM series ORDER BY ticker", MetadataReader::series);
  }

  /** The status history of every market, by ticker and then in the order recorded. */
  public static List<MarketStatusChange> statusChanges(Connection c) throws SQLException {
    return query(
        c,
        "SELECT * FROM market_status_changes ORDER BY ticker, change_id",
        MetadataReader::statusChange);
  }

  /** The {@code market_status_changes} row {@code rs} is on. */
  public static MarketStatusChange statusChange(ResultSet rs) throws SQLException {
    return new MarketStatusChange(
        rs.getString("ticker"),
        rs.getString("old_status"),
        rs.getString("new_status"),
        instant(rs, "exchange_time"),
        instant(rs, "received_at"),
        rs.getString("gatherer"));
  }

  private interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private static <T> List<T> query(Connection c, String sql, Mapper<T> mapper) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
    }
    return rows;
  }

  /** The {@code markets} row {@code rs} is on. */
  public static MarketRow market(ResultSet rs) throws SQLException {
    return new MarketRow(
        rs.getString("ticker"),
        rs.getString("event_ticker"),
        rs.getString("market_type"),
        rs.getString("status"),
        rs.getString("title"),
        rs.getString("subtitle"),
        rs.getString("yes_sub_title"),
        rs.getString("no_sub_title"),
        instant(rs, "created_time"),
        instant(rs, "open_time"),
        instant(rs, "close_time"),
        instant(rs, "expected_expiration_time"),
        instant(rs, "expiration_time"),
        instant(rs, "latest_expiration_time"),
        instant(rs, "settlement_ts"),
        instant(rs, "exchange_updated_time"),
        rs.getString("strike_type"),
        rs.getBigDecimal("floor_strike"),
        rs.getBigDecimal("cap_strike"),
        rs.getString("functional_strike"),
        json(rs, "custom_strike"),
        rs.getObject("tick_size", Integer.class),
        rs.getString("price_level_structure"),
        json(rs, "price_ranges"),
        rs.getString("result"),
        rs.getObject("settlement_value", Long.class),
        json(rs, "wire"));
  }

  /** The {@code events} row {@code rs} is on. */
  public static EventRow event(ResultSet rs) throws SQLException {
    return new EventRow(
        rs.getString("event_ticker"),
        rs.getString("series_ticker"),
        rs.getString("title"),
        rs.getString("sub_title"),
        rs.getString("category"),
        rs.getString("collateral_return_type"),
        rs.getObject("mutually_exclusive", Boolean.class),
        instant(rs, "strike_date"),
        rs.getString("strike_period"),
        instant(rs, "last_updated_ts"),
        json(rs, "wire"));
  }

  /** The {@code series} row {@code rs} is on. */
  public static SeriesRow series(ResultSet rs) throws SQLException {
    return new SeriesRow(
        rs.getString("ticker"),
        rs.getString("title"),
        rs.getString("category"),
        rs.getString("frequency"),
        rs.getString("fee_type"),
        rs.getBigDecimal("fee_multiplier"),
        instant(rs, "last_updated_ts"),
        json(rs, "wire"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static JsonNode json(ResultSet rs, String column) throws SQLException {
    String s = rs.getString(column);
    if (s == null) {
      return null;
    }
    try {
      return KalshiJson.mapper().readTree(s);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored " + column + " is not JSON", e);
    }
  }
}
