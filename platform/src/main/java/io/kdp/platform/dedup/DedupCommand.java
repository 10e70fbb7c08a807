package io.kdp.platform.dedup;

import io.kdp.dedup.Deduplicator;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.dedup.config.DedupConfigException;
import io.kdp.dedup.config.DedupConfigReader;
import io.kdp.platform.StartupErrors;
import io.kdp.platform.admin.AdminServer;
import io.kdp.platform.admin.Health;
import io.kdp.store.schema.IncompatibleSchemaException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kdp dedup --config FILE}: the deduplicator until stopped (SIGTERM or Ctrl-C), with its
 * admin HTTP ({@code /metrics} Prometheus, {@code /health}) and, given {@code --archive-bucket},
 * the hourly archive export to S3 on the same host (DESIGN.md: the deduplicator's host is the only
 * writer of S3).
 */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description = "Merge every gatherer's databases into production, exactly once.")
public final class DedupCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(DedupCommand.class);

  @Option(names = "--config", required = true, description = "HOCON file (kdp.dedup { ... })")
  Path config;

  @Option(
      names = "--admin-host",
      defaultValue = "${env:KDP_DEDUP_ADMIN_HOST:-127.0.0.1}",
      description =
          "interface of /metrics and /health: ${DEFAULT-VALUE} (env KDP_DEDUP_ADMIN_HOST)")
  String adminHost;

  @Option(
      names = "--admin-port",
      defaultValue = "${env:KDP_DEDUP_ADMIN_PORT:-8790}",
      description =
          "port of /metrics and /health, 0 for any: ${DEFAULT-VALUE} (env KDP_DEDUP_ADMIN_PORT)")
  int adminPort;

  @Mixin ArchiveOptions archive = new ArchiveOptions();

  @Override
  public Integer call() throws Exception {
    DedupConfig c;
    try {
      c = DedupConfigReader.read(config, System.getenv());
    } catch (DedupConfigException e) {
      System.err.println("kdp dedup: " + e.getMessage());
      return 2;
    }
    Thread main = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt, "kdp-dedup-shutdown"));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AtomicBoolean merging = new AtomicBoolean();
    try (AdminServer admin =
            AdminServer.start(
                adminHost,
                adminPort,
                registry,
                () -> Health.of(Map.of("merging", merging.get())),
                null,
                null);
        Deduplicator d = Deduplicator.open(c, InstantSource.system(), registry);
        AutoCloseable archiving = archive.start(c)) {
      LOG.info(
          "deduplicator started: {} gatherers, production {}, admin http://{}:{}/metrics, archive {}",
          c.gatherers().size(),
          c.production(),
          adminHost,
          admin.port(),
          archive.describe());
      merging.set(true);
      d.run();
    } catch (InterruptedException e) {
      LOG.info("deduplicator stopped");
    } catch (Exception e) {
      IncompatibleSchemaException schema = StartupErrors.incompatibleSchema(e);
      if (schema == null) {
        throw e;
      }
      System.err.println("kdp dedup: " + schema.getMessage());
      return StartupErrors.EXIT;
    } finally {
      merging.set(false);
    }
    return 0;
  }
}
