package io.kdp.platform.demo;

import io.kdp.gatherer.Gatherer;
import io.kdp.gatherer.config.GathererConfigReader;
import io.kdp.platform.status.MetricsEndpoint;
import io.kdp.sim.ExchangeSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the demo's three gatherers, run in process from a configuration file the demo writes to
 * {@code <data-dir>/gatherers/<id>.conf} (the same file {@code kdp gatherer --config} reads), so it
 * can be stopped and started again like a separate process, on the same admin port.
 */
final class DemoGatherer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoGatherer.class);

  private final String id;
  private final DemoPostgres postgres;
  private final Path configFile;
  private final int adminPort;
  private Gatherer running;

  private DemoGatherer(String id, DemoPostgres postgres, Path configFile, int adminPort) {
    this.id = id;
    this.postgres = postgres;
    this.configFile = configFile;
    this.adminPort = adminPort;
  }

  /** Writes gatherer {@code id}'s configuration for this demo (not started yet). */
  static DemoGatherer configure(
      String id, Path dataDir, DemoPostgres postgres, ExchangeSimulator sim) throws IOException {
    Path dir = dataDir.resolve("gatherers");
    Files.createDirectories(dir);
    int port = freePort();
    String pgBase = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/";
    String conf =
        """
        # Written by kdp demo for this run; ./kdp gatherer --config FILE runs the same gatherer.
        kdp.gatherer {
          id = "%s"
          exchange {
            environment = custom
            rest-url = "%s"
            ws-url = "%s"
            api-key-id = "%s"
            private-key-file = "%s"
            rate-tier = prime
          }
          databases {
            timeseries { url = "%s", user = "%s" }
            metadata { url = "%s", user = "%s" }
          }
          journal.dir = "%s"
          admin.port = %d
        }
        """
            .formatted(
                id,
                sim.restBase(),
                sim.wsUri(),
                sim.keyId(),
                sim.privateKeyFile().toAbsolutePath(),
                pgBase + DemoPlatform.timeseriesDatabase(id),
                DemoPostgres.USER,
                pgBase + DemoPlatform.metadataDatabase(id),
                DemoPostgres.USER,
                dir.resolve(id).resolve("journal").toAbsolutePath(),
                port);
    Path file = dir.resolve(id + ".conf");
    Files.writeString(file, conf, StandardCharsets.UTF_8);
    return new DemoGatherer(id, postgres, file, port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  Path configFile() {
    return configFile;
  }

  String id() {
    return id;
  }

  /** Its admin HTTP ({@code /metrics}, {@code /health}), up or not. */
  MetricsEndpoint endpoint() {
    return new MetricsEndpoint(id, URI.create("http://127.0.0.1:" + adminPort));
  }

  synchronized boolean running() {
    return running != null;
  }

  synchronized void start() throws Exception {
    if (running == null) {
      postgres.setReachable(DemoPlatform.timeseriesDatabase(id), true);
      postgres.setReachable(DemoPlatform.metadataDatabase(id), true);
      running =
          Gatherer.open(GathererConfigReader.read(configFile, Map.of()), InstantSource.system())
              .start();
      LOG.info("gatherer {} started (admin port {})", id, adminPort);
    }
  }

  /**
   * Takes its whole host down, as the design's failure unit (one availability zone): the process
   * stops and its two databases become unreachable until {@link #start()}.
   */
  synchronized void kill() throws Exception {
    stop();
    postgres.setReachable(DemoPlatform.timeseriesDatabase(id), false);
    postgres.setReachable(DemoPlatform.metadataDatabase(id), false);
  }

  /** Stops the process: connections, writers, journal closed; its databases stay up. */
  synchronized void stop() throws Exception {
    if (running != null) {
      Gatherer g = running;
      running = null;
      g.close();
      LOG.info("gatherer {} stopped", id);
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
