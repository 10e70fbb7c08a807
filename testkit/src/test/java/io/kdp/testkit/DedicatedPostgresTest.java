package io.kdp.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class DedicatedPostgresTest {

  @Test
  void stopAndStartKeepDataPortAndUrl() throws SQLException {
    Path dataDirectory;
    try (DedicatedPostgres pg = DedicatedPostgres.open()) {
      TestDatabase db = pg.createDatabase();
      int port = pg.port();
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (x int)");
        s.execute("INSERT INTO kept VALUES (42)");
      }

      pg.stop();
      assertThat(pg.isRunning()).isFalse();
      assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl()).close())
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));

      pg.start();
      assertThat(pg.port()).isEqualTo(port);
      try (Connection c = DriverManager.getConnection(db.jdbcUrl());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT x FROM kept")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
      dataDirectory = pg.dataDirectory();
      assertThat(dataDirectory.resolve("PG_VERSION")).exists();
    }
    assertThat(Files.exists(dataDirectory)).isFalse();
  }
}
