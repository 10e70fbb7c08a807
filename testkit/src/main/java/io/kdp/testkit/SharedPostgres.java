package io.kdp.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per test JVM, started on first use and stopped at JVM exit, that
 * hands out fresh empty databases. Tests never share a database, so they can run in any order.
 *
 * <pre>{@code
 * TestDatabase db = SharedPostgres.createDatabase();
 * try (Connection c = db.connect()) { ... }
 * }</pre>
 *
 * The server runs with PostgreSQL's test-friendly zonky defaults (fsync off); a test about
 * durability or restarts uses {@link DedicatedPostgres} instead.
 */
public final class SharedPostgres {

  private static EmbeddedPostgres server;

  private SharedPostgres() {}

  /** A new, empty database on the shared server (starting the server on first call). */
  public static TestDatabase createDatabase() {
    return EmbeddedServer.createDatabase(server());
  }

  /** The port the shared server listens on (starting it on first call). */
  public static int port() {
    return server().getPort();
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      EmbeddedPostgres started = EmbeddedServer.start(0, null);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> EmbeddedServer.close(started), "shared-postgres-shutdown"));
      server = started;
    }
    return server;
  }
}
