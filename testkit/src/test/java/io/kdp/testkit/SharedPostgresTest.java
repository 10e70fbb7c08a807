package io.kdp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SharedPostgresTest {

  @Test
  void handsOutFreshSeparateDatabasesOnOneServer() throws SQLException {
    TestDatabase a = SharedPostgres.createDatabase();
    TestDatabase b = SharedPostgres.createDatabase();

    assertThat(a.name()).isNotEqualTo(b.name());
    try (Connection c = a.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x int)");
      s.execute("INSERT INTO t VALUES (1)");
    }
    try (Connection c = DriverManager.getConnection(b.jdbcUrl())) {
      assertThat(tables(c)).isEmpty();
      assertThat(c.getMetaData().getURL()).contains(":" + SharedPostgres.port() + "/" + b.name());
    }
    try (Connection c = DriverManager.getConnection(a.jdbcUrl())) {
      assertThat(tables(c)).containsExactly("t");
    }
  }

  static List<String> tables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
