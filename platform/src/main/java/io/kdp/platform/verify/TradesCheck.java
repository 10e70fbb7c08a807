package io.kdp.platform.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trades as sets: every exchange trade of the window must be in production once, with the same
 * market, YES price, count, taker side and exchange millisecond; production may hold nothing else
 * in the window.
 */
final class TradesCheck {

  private static final String PRODUCTION =
      "SELECT trade_id, market, yes_price, count, taker_side,"
          + " (extract(epoch FROM time) * 1000)::bigint FROM trades"
          + " WHERE time >= to_timestamp(?) AND time < to_timestamp(?)";

  private TradesCheck() {}

  static CheckResult run(List<TradeKey> exchange, Connection production, long fromSec, long toSec)
      throws SQLException {
    Map<String, List<TradeKey>> stored = new HashMap<>();
    try (PreparedStatement q = production.prepareStatement(PRODUCTION)) {
      q.setLong(1, fromSec);
      q.setLong(2, toSec);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          TradeKey k =
              new TradeKey(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getLong(6));
          stored.computeIfAbsent(k.tradeId(), id -> new ArrayList<>()).add(k);
        }
      }
    }
    List<String> examples = new ArrayList<>();
    long missing = 0;
    long different = 0;
    long extra = 0;
    for (TradeKey t : exchange) {
      List<TradeKey> s = stored.remove(t.tradeId());
      if (s == null) {
        missing++;
        note(examples, "missing " + t);
      } else {
        if (s.size() > 1) {
          extra += s.size() - 1;
          note(examples, "stored " + s.size() + " times: " + t.tradeId());
        }
        if (!s.get(0).equals(t)) {
          different++;
          note(examples, "differs: exchange " + t + " production " + s.get(0));
        }
      }
    }
    for (List<TradeKey> s : stored.values()) {
      extra += s.size();
      note(examples, "not on the exchange: " + s.get(0));
    }
    return new CheckResult("trades", exchange.size(), missing, extra, different, 0, examples);
  }

  static void note(List<String> examples, String line) {
    if (examples.size() < 10) {
      examples.add(line);
    }
  }
}
