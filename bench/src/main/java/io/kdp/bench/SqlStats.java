package io.kdp.bench;

import io.kdp.testkit.DedicatedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Server-side SQL timing with {@code pg_stat_statements} (shipped with the embedded PostgreSQL
 * binaries): {@link #enable} preloads it (ALTER SYSTEM, then a restart of the dedicated server on
 * its data directory), {@link #reset} starts a measurement, {@link #top} lists the statements that
 * took the most execution time since, over every database of the server.
 */
public final class SqlStats {

  private SqlStats() {}

  /** Restarts {@code server} with the extension loaded; creates it in {@code db}. */
  public static void enable(DedicatedPostgres server, TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
      s.execute("ALTER SYSTEM SET pg_stat_statements.track = 'all'");
    }
    server.stop();
    server.start();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
  }

  /** Forgets what was measured so far. */
  public static void reset(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_statements_reset()");
    }
  }

  /** The {@code n} statements with the most execution time, as a JSON array. */
  public static String top(TestDatabase db, int n) throws SQLException {
    StringBuilder out = new StringBuilder("[");
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT d.datname, p.calls, p.total_exec_time, p.rows, left(regexp_replace(p.query,"
                    + " '\\s+', ' ', 'g'), 90) FROM pg_stat_statements p JOIN pg_database d ON"
                    + " d.oid = p.dbid ORDER BY p.total_exec_time DESC LIMIT "
                    + n)) {
      while (rs.next()) {
        out.append(out.length() > 1 ? "," : "")
            .append(
                String.format(
                    Locale.ROOT,
                    "{\"db\":\"%s\",\"calls\":%d,\"ms\":%.0f,\"rows\":%d,\"sql\":\"%s\"}",
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getDouble(3),
                    rs.getLong(4),
                    rs.getString(5).replace("\\", "\\\\").replace("\"", "\\\"")));
      }
    }
    return out.append(']').toString();
  }
}
