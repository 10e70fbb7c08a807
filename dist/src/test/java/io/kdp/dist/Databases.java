package io.kdp.dist;

import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the test reads from the databases the installed commands write. */
final class Databases {

  private Databases() {}

  static String jdbcUrl(TestDatabase db) {
    return "jdbc:postgresql://localhost:" + SharedPostgres.port() + "/" + db.name();
  }

  /** [rows, distinct trade ids] of the gatherer's trades table. */
  static List<Long> tradeCounts(TestDatabase db) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT trade_id) FROM trades")) {
      rs.next();
      return List.of(rs.getLong(1), rs.getLong(2));
    } catch (SQLException notYetMigrated) {
      return List.of(0L, 0L);
    }
  }

  /** Every trade_id of a trades table (gatherer or production). */
  static Set<String> tradeIds(TestDatabase db) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT trade_id FROM trades")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
