package io.kdp.platform.demo;

import io.kdp.platform.admin.AdminServer;
import io.kdp.platform.admin.Health;
import io.kdp.platform.admin.ProductionCandles;
import io.kdp.platform.status.ArchiveProbe;
import io.kdp.platform.status.ExchangeProbe;
import io.kdp.platform.status.ProductionProbe;
import io.kdp.platform.status.StatusCollector;
import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.SimConfig;
import io.kdp.sim.world.WorldParams;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine, as {@code kdp demo} runs it: the embedded PostgreSQL (one
 * server, a time-series and a metadata database per gatherer, and production), the in-process S3
 * server, the simulated exchange, and the admin HTTP with the status page. Everything lives under
 * {@link DemoOptions#dataDir()}; {@link #close()} stops the parts in reverse order of start.
 */
public final class DemoPlatform implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoPlatform.class);

  /** Gatherer ids, one per availability zone of the design. */
  public static final List<String> GATHERERS = List.of("a", "b", "c");

  public static final String PRODUCTION = "production";
  public static final String BUCKET = "kdp-archive";

  private final DemoOptions options;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private int run;
  private DemoPostgres postgres;
  private DemoS3 s3;
  private ExchangeSimulator simulator;
  private ExchangeProbe exchange;
  private final List<DemoGatherer> gatherers = new ArrayList<>();
  private DemoDeduplicator dedup;
  private Instant rolesStartedAt;
  private StatusCollector status;
  private AdminServer admin;
  private boolean closed;

  private DemoPlatform(DemoOptions options) {
    this.options = options;
  }

  /** Starts every part; on a failure, stops what had started and rethrows. */
  public static DemoPlatform start(DemoOptions options) throws Exception {
    DemoPlatform p = new DemoPlatform(options);
    try {
      p.startParts();
      return p;
    } catch (Exception | Error e) {
      p.close();
      throw e;
    }
  }

  /** The databases the demo keeps on its PostgreSQL server. */
  public static List<String> databases() {
    List<String> names = new ArrayList<>();
    for (String g : GATHERERS) {
      names.add(timeseriesDatabase(g));
      names.add(metadataDatabase(g));
    }
    names.add(PRODUCTION);
    return names;
  }

  public static String timeseriesDatabase(String gatherer) {
    return "gatherer_" + gatherer + "_timeseries";
  }

  public static String metadataDatabase(String gatherer) {
    return "gatherer_" + gatherer + "_metadata";
  }

  private void startParts() throws Exception {
    Path data = options.dataDir().toAbsolutePath();
    run = DemoRuns.next(data);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);

    postgres = started(DemoPostgres.start(data.resolve("postgres"), 0));
    postgres.ensureDatabases(databases());
    s3 = started(DemoS3.start(data.resolve("s3"), 0));

    WorldParams world =
        WorldParams.defaults(options.markets(), options.rate(), DemoRuns.seed(options.seed(), run));
    simulator =
        started(
            ExchangeSimulator.start(
                SimConfig.defaults(data.resolve("sim")).withWorld(world).withJournal(journal())));
    exchange = new ExchangeProbe(simulator);

    for (String id : GATHERERS) {
      DemoGatherer g = started(DemoGatherer.configure(id, data, postgres, simulator));
      g.start();
      gatherers.add(g);
    }

    rolesStartedAt = Instant.now();
    dedup = started(DemoDeduplicator.configure(postgres));
    dedup.start();
    started(DemoArchive.start(postgres, s3, data.resolve("archive-work")));

    status =
        started(
            new StatusCollector(
                    InstantSource.system(),
                    exchange,
                    gatherers.stream().map(DemoGatherer::endpoint).toList(),
                    dedup.endpoint(),
                    new ProductionProbe(postgres.jdbcUrl(PRODUCTION)),
                    new ArchiveProbe(s3.baseDirectory()))
                .start(Duration.ofSeconds(1)));
    admin =
        started(
            AdminServer.start(
                "127.0.0.1",
                options.port(),
                registry,
                this::health,
                status,
                new ProductionCandles(postgres.jdbcUrl(PRODUCTION), InstantSource.system())));
  }

  private <T extends AutoCloseable> T started(T part) {
    started.push(part);
    return part;
  }

  private Health health() {
    Map<String, Boolean> parts = new LinkedHashMap<>();
    parts.put("postgres", postgres != null && !closed);
    parts.put("s3", s3 != null && !closed);
    parts.put("simulator", simulator != null && !closed);
    for (DemoGatherer g : gatherers) {
      parts.put("gatherer-" + g.id(), g.running());
    }
    parts.put("deduplicator", dedup != null && dedup.running());
    return Health.of(parts);
  }

  /** Prints where to look. */
  public void printUrls(PrintStream out) {
    String page = "http://127.0.0.1:" + admin.port();
    out.println("kdp demo: run " + run + ", data in " + options.dataDir().toAbsolutePath());
    out.println("  status page     " + page + "/");
    out.println("  Prometheus      " + page + "/metrics   health " + page + "/health");
    out.println("  exchange REST   " + simulator.restBase());
    out.println("  exchange WS     " + simulator.wsUri());
    out.println("  exchange admin  " + simulator.adminBase() + "status");
    out.println("  PostgreSQL      " + postgres.jdbcUrl(PRODUCTION) + "  (and " + others() + ")");
    out.println("  S3              " + s3.endpoint() + "  bucket " + BUCKET + " (path style)");
    for (DemoGatherer g : gatherers) {
      out.println(
          "  gatherer "
              + g.id()
              + "      "
              + g.endpoint().base()
              + "/metrics   config "
              + g.configFile());
    }
    out.println("  deduplicator    " + dedup.endpoint().base() + "/metrics");
    out.println(
        "  archive         every closed hour to s3://"
            + BUCKET
            + "/{processed,raw,aggregates}/ (after the hour and "
            + DemoArchive.DEDUP_WINDOW.toMinutes()
            + " min)");
  }

  private static String others() {
    return String.join(", ", databases().subList(0, databases().size() - 1));
  }

  /** The simulator's ground-truth journal of this run. */
  public Path journal() {
    return options
        .dataDir()
        .toAbsolutePath()
        .resolve("sim")
        .resolve("journal-run-" + run + ".jsonl");
  }

  /** Brings every role back up (after chaos). */
  void restoreAll() throws Exception {
    simulator.faults().clear();
    for (DemoGatherer g : gatherers) {
      g.start();
    }
    dedup.start();
  }

  /** When every gatherer had started: trades before it may never have been seen by any. */
  public Instant rolesStartedAt() {
    return rolesStartedAt;
  }

  public int run() {
    return run;
  }

  public URI statusPage() {
    return URI.create("http://127.0.0.1:" + admin.port() + "/");
  }

  public ExchangeSimulator simulator() {
    return simulator;
  }

  public DemoPostgres postgres() {
    return postgres;
  }

  /** The gatherers, a, b, c. */
  List<DemoGatherer> gatherers() {
    return List.copyOf(gatherers);
  }

  DemoDeduplicator dedup() {
    return dedup;
  }

  public DemoS3 s3() {
    return s3;
  }

  public StatusCollector status() {
    return status;
  }

  public ExchangeProbe exchange() {
    return exchange;
  }

  /** Stops every started part, last started first; keeps going past a part that fails to stop. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
