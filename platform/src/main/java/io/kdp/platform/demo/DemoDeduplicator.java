package io.kdp.platform.demo;

import io.kdp.dedup.Deduplicator;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.platform.admin.AdminServer;
import io.kdp.platform.admin.Health;
import io.kdp.platform.status.MetricsEndpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's deduplicator, in process on its own thread, with its own admin HTTP (the platform's
 * {@link AdminServer}: {@code /metrics} from its registry, {@code /health} UP while it runs). Stop
 * and start model a process kill and restart: the deduplicator reloads its state from production.
 */
final class DemoDeduplicator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDeduplicator.class);

  private final DedupConfig config;
  // a new registry per start: the deduplicator's gauges belong to the instance that made them
  private volatile PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AdminServer admin;
  private Deduplicator dedup;
  private Thread thread;

  private DemoDeduplicator(DedupConfig config) throws Exception {
    this.config = config;
    this.admin =
        AdminServer.start("127.0.0.1", 0, () -> registry.scrape(), this::health, null, null);
  }

  static DemoDeduplicator configure(DemoPostgres postgres) throws Exception {
    List<DedupConfig.Gatherer> gatherers = new ArrayList<>();
    for (String id : DemoPlatform.GATHERERS) {
      gatherers.add(
          new DedupConfig.Gatherer(
              id,
              database(postgres, DemoPlatform.timeseriesDatabase(id), 2),
              database(postgres, DemoPlatform.metadataDatabase(id), 2)));
    }
    return new DemoDeduplicator(
        DedupConfig.of(database(postgres, DemoPlatform.PRODUCTION, 4), gatherers));
  }

  private static DedupConfig.Database database(DemoPostgres pg, String name, int pool) {
    return new DedupConfig.Database(
        "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + name, DemoPostgres.USER, null, pool);
  }

  MetricsEndpoint endpoint() {
    return new MetricsEndpoint("dedup", URI.create("http://127.0.0.1:" + admin.port()));
  }

  synchronized boolean running() {
    return thread != null && thread.isAlive();
  }

  private Health health() {
    return Health.of(Map.of("merging", running()));
  }

  synchronized void start() throws Exception {
    if (running()) {
      return;
    }
    PrometheusMeterRegistry fresh = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Deduplicator d = Deduplicator.open(config, InstantSource.system(), fresh);
    registry = fresh;
    Thread t =
        new Thread(
            () -> {
              try {
                d.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                LOG.error("deduplicator stopped on an error", e);
              }
            },
            "deduplicator");
    t.setDaemon(true);
    t.start();
    dedup = d;
    thread = t;
    LOG.info("deduplicator started");
  }

  /** Interrupts the merge loop (a cycle in flight is rolled back) and closes its pools. */
  synchronized void stop() throws InterruptedException {
    if (thread != null) {
      thread.interrupt();
      thread.join(30_000);
      dedup.close();
      thread = null;
      dedup = null;
      LOG.info("deduplicator stopped");
    }
  }

  @Override
  public void close() throws Exception {
    stop();
    admin.close();
  }
}
