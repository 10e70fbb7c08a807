package io.kdp.gatherer.writer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Per gatherer and table, the journal row position ({@link io.kdp.gatherer.router.RowPosition})
 * below which every row is stored, kept in the time-series database and advanced in the same
 * transaction as each batch — so loading the journal again (after a crash or an outage of the
 * database) stores every row exactly once.
 */
public final class JournalPositions {

  static final String CREATE =
      "CREATE TABLE IF NOT EXISTS gatherer_journal_positions ("
          + " gatherer text NOT NULL, table_name text NOT NULL, position bigint NOT NULL,"
          + " PRIMARY KEY (gatherer, table_name))";
  private static final String UPSERT =
      "INSERT INTO gatherer_journal_positions (gatherer, table_name, position) VALUES (?, ?, ?)"
          + " ON CONFLICT (gatherer, table_name) DO UPDATE SET position ="
          + " GREATEST(gatherer_journal_positions.position, EXCLUDED.position)";

  private JournalPositions() {}

  /** Creates the table if it is missing. */
  public static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(CREATE);
    }
  }

  /** Every table's stored position for {@code gatherer} (absent = 0). */
  public static Map<String, Long> read(Connection c, String gatherer) throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT table_name, position FROM gatherer_journal_positions WHERE gatherer = ?")) {
      ps.setString(1, gatherer);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  /** Moves {@code table}'s position forward to {@code position} in the caller's transaction. */
  static void advance(Connection c, String gatherer, String table, long position)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setString(1, gatherer);
      ps.setString(2, table);
      ps.setLong(3, position);
      ps.executeUpdate();
    }
  }
}
