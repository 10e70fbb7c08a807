package io.kdp.platform.status;

import io.kdp.platform.status.PlatformStatus.TableCount;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact row counts of production's top-level tables (partitioned parents count their partitions;
 * the partitions themselves are not listed). Each count runs under a 2 s statement timeout.
 */
public final class ProductionProbe {

  private static final String TABLES =
      "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
          + " AND NOT c.relispartition AND c.relname NOT LIKE 'flyway%' ORDER BY c.relname";

  private final String jdbcUrl;

  public ProductionProbe(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  public List<TableCount> counts() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      s.execute("SET statement_timeout = '2s'");
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery(TABLES)) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      List<TableCount> out = new ArrayList<>();
      for (String table : tables) {
        // the name comes from pg_class, quoted as an identifier
        try (ResultSet rs =
            s.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
          rs.next();
          out.add(new TableCount(table, rs.getLong(1)));
        }
      }
      return out;
    }
  }
}
