package io.kdp.gatherer;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.Level;
import io.kdp.testkit.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a gatherer database back the way the deduplicator will: trades, and books by replay. */
final class Books {

  private Books() {}

  static List<String> storedTradeIds(TestDatabase db, String gatherer) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT trade_id FROM trades WHERE gatherer = ?")) {
      ps.setString(1, gatherer);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static long tradesFrom(TestDatabase db, String source) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM trades WHERE source = ?")) {
      ps.setString(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The market's book from its latest WebSocket snapshot plus every later delta of the same stream
   * (connection and sid) in seq order; empty sides when there is no snapshot.
   */
  static Map<Side, List<Level>> replay(TestDatabase db, String market) throws SQLException {
    Map<Side, TreeMap<Long, Long>> book = new EnumMap<>(Side.class);
    book.put(Side.YES, new TreeMap<>());
    book.put(Side.NO, new TreeMap<>());
    try (Connection c = db.connect()) {
      long conn;
      int sid;
      long seq;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT connection_id, sid, seq, yes_prices, yes_sizes, no_prices, no_sizes"
                  + " FROM orderbook_snapshots WHERE market = ? AND source = 'ws'"
                  + " ORDER BY received_at DESC, seq DESC LIMIT 1")) {
        ps.setString(1, market);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return levels(book);
          }
          conn = rs.getLong(1);
          sid = rs.getInt(2);
          seq = rs.getLong(3);
          fill(book.get(Side.YES), rs.getArray(4), rs.getArray(5));
          fill(book.get(Side.NO), rs.getArray(6), rs.getArray(7));
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT side, price, delta FROM orderbook_deltas WHERE market = ?"
                  + " AND connection_id = ? AND sid = ? AND seq > ? ORDER BY seq")) {
        ps.setString(1, market);
        ps.setLong(2, conn);
        ps.setInt(3, sid);
        ps.setLong(4, seq);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            TreeMap<Long, Long> side = book.get(Side.fromWire(rs.getString(1)));
            long size = side.getOrDefault(rs.getLong(2), 0L) + rs.getLong(3);
            if (size == 0) {
              side.remove(rs.getLong(2));
            } else {
              side.put(rs.getLong(2), size);
            }
          }
        }
      }
    }
    return levels(book);
  }

  private static void fill(TreeMap<Long, Long> side, Array prices, Array sizes)
      throws SQLException {
    Long[] p = (Long[]) prices.getArray();
    Long[] s = (Long[]) sizes.getArray();
    for (int i = 0; i < p.length; i++) {
      side.put(p[i], s[i]);
    }
  }

  private static Map<Side, List<Level>> levels(Map<Side, TreeMap<Long, Long>> book) {
    Map<Side, List<Level>> out = new EnumMap<>(Side.class);
    book.forEach(
        (side, levels) -> {
          List<Level> list = new ArrayList<>();
          levels.forEach((p, s) -> list.add(new Level(p, s)));
          out.put(side, list);
        });
    return Map.copyOf(out);
  }
}
