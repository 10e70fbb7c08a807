package io.kdp.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL server owned by one test, which the test can {@link #stop()} and {@link
 * #start()} again on the same data directory and port: the data survives and clients reconnect to
 * the same JDBC URL. For tests such as "the local PostgreSQL stopped for 60 s".
 *
 * <pre>{@code
 * try (DedicatedPostgres pg = DedicatedPostgres.open()) {
 *   TestDatabase db = pg.createDatabase();
 *   ... pg.stop(); ... pg.start(); ...
 * }
 * }</pre>
 *
 * {@link #close()} stops the server and deletes its data directory.
 */
public final class DedicatedPostgres implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  private DedicatedPostgres(Path dataDirectory, EmbeddedPostgres server) {
    this.dataDirectory = dataDirectory;
    this.server = server;
    this.port = server.getPort();
  }

  /** Starts a new server on a free port with a fresh temporary data directory. */
  public static DedicatedPostgres open() {
    Path dir;
    try {
      dir = Files.createTempDirectory("kdp-pg-");
      Files.delete(dir); // initdb wants to create it
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new DedicatedPostgres(dir, EmbeddedServer.start(0, dir));
  }

  /** A new, empty database on this server; its URL stays valid across stop and start. */
  public synchronized TestDatabase createDatabase() {
    return EmbeddedServer.createDatabase(running());
  }

  /** The port, fixed for the life of this object. */
  public int port() {
    return port;
  }

  /** The data directory, kept across stop and start, deleted by {@link #close()}. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Whether the server is currently running. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Stops the server (fast shutdown: clients are disconnected); the data directory is kept. */
  public synchronized void stop() {
    if (server != null) {
      EmbeddedServer.close(server);
      server = null;
    }
  }

  /** Starts the server again on the same data directory and port. */
  public synchronized void start() {
    if (server == null) {
      server = EmbeddedServer.start(port, dataDirectory);
    }
  }

  @Override
  public synchronized void close() {
    stop();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dataDirectory, e);
    }
  }

  private EmbeddedPostgres running() {
    if (server == null) {
      throw new IllegalStateException("the server is stopped; call start() first");
    }
    return server;
  }
}
