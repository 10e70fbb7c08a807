package io.kdp.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Starting an embedded PostgreSQL 17 (zonky) and creating databases on it; shared plumbing. */
final class EmbeddedServer {

  static final String SUPERUSER = "postgres";

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private EmbeddedServer() {}

  /**
   * Starts a server. {@code port} 0 picks a free port; a null {@code dataDirectory} uses a
   * temporary one that is deleted on close, otherwise the directory is kept (and reused if it holds
   * a cluster).
   */
  static EmbeddedPostgres start(int port, Path dataDirectory) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setRegisterShutdownHook(false)
            .setServerConfig("timezone", "UTC")
            .setServerConfig("max_connections", "300")
            .setServerConfig("max_locks_per_transaction", "256");
    if (port != 0) {
      builder.setPort(port);
    }
    if (dataDirectory != null) {
      builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
    }
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  /** Creates a new, empty database named {@code kdp_N} on {@code pg}. */
  static TestDatabase createDatabase(EmbeddedPostgres pg) {
    String name = "kdp_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return TestDatabase.on(pg.getPort(), name);
  }

  static void close(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
