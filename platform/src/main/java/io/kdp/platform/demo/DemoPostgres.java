package io.kdp.platform.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's one embedded PostgreSQL 17 server (zonky binaries from Maven Central), with its data
 * under {@code <data-dir>/postgres} so a second run resumes where the first stopped. Unlike zonky's
 * test defaults (fsync off), it runs with real durability settings: a demo killed mid-run must lose
 * nothing that was committed.
 */
public final class DemoPostgres implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoPostgres.class);
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  static final String USER = "postgres";

  private final EmbeddedPostgres server;
  private final Path dataDirectory;

  private DemoPostgres(EmbeddedPostgres server, Path dataDirectory) {
    this.server = server;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Starts the server on {@code dataDirectory} (created by initdb when it holds no cluster, reused
   * otherwise) and {@code port} (0 = any free port).
   */
  public static DemoPostgres start(Path dataDirectory, int port) throws IOException {
    Files.createDirectories(dataDirectory.getParent());
    boolean resumed = Files.exists(dataDirectory.resolve("PG_VERSION"));
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setRegisterShutdownHook(false)
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setServerConfig("timezone", "UTC")
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("max_connections", "300")
            .setServerConfig("max_locks_per_transaction", "256")
            .setServerConfig("shared_buffers", "256MB");
    if (port != 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres server = builder.start();
    LOG.info(
        "embedded PostgreSQL on port {} ({} {})",
        server.getPort(),
        resumed ? "resumed" : "new cluster in",
        dataDirectory);
    return new DemoPostgres(server, dataDirectory);
  }

  /** Creates each database that does not exist yet; existing ones (a resumed run) are kept. */
  public void ensureDatabases(List<String> names) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection()) {
      for (String name : names) {
        if (!DATABASE_NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("not a database name: " + name);
        }
        try (PreparedStatement q =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
          q.setString(1, name);
          try (ResultSet rs = q.executeQuery()) {
            if (rs.next()) {
              continue;
            }
          }
        }
        try (Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE " + name); // name checked against DATABASE_NAME above
        }
        LOG.info("created database {}", name);
      }
    }
  }

  /**
   * Makes database {@code name} reachable or not: unreachable refuses new connections and ends the
   * open ones, as a database whose host went down would look to its clients.
   */
  public void setReachable(String name, boolean reachable) throws SQLException {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a database name: " + name);
    }
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      // name checked against DATABASE_NAME above
      s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + reachable);
      if (!reachable) {
        try (PreparedStatement q =
            c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
          q.setString(1, name);
          q.execute();
        }
      }
    }
  }

  /** The JDBC URL of database {@code name} on this server. */
  public String jdbcUrl(String name) {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name + "?user=" + USER;
  }

  /** A new connection to database {@code name}; the caller closes it. */
  public Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(name));
  }

  public int port() {
    return server.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Stops the server (a clean, fast shutdown); the data directory is kept for the next run. */
  @Override
  public void close() throws IOException {
    // zonky's stop waits 5 s; with fsync on, a checkpoint first keeps the shutdown one short
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      LOG.warn("checkpoint before stop failed: {}", e.getMessage());
    }
    server.close();
    LOG.info("embedded PostgreSQL stopped");
  }
}
