package io.kdp.platform;

import io.kdp.dedup.Deduplicator;
import io.kdp.dedup.config.DedupConfig;
import io.kdp.dedup.config.DedupConfigException;
import io.kdp.dedup.config.DedupConfigReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kdp dedup --config FILE}: the deduplicator, until stopped (SIGTERM or Ctrl-C). */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description = "Merge every gatherer's databases into production, exactly once.")
public final class DedupCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(DedupCommand.class);

  @Option(names = "--config", required = true, description = "HOCON file (kdp.dedup { ... })")
  Path config;

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
    Thread hook = new Thread(main::interrupt, "kdp-dedup-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Deduplicator d = Deduplicator.open(c, InstantSource.system(), new SimpleMeterRegistry())) {
      LOG.info(
          "deduplicator started: {} gatherers, production {}",
          c.gatherers().size(),
          c.production());
      d.run();
    } catch (InterruptedException e) {
      LOG.info("deduplicator stopped");
    }
    return 0;
  }
}
