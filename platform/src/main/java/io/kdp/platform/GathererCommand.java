package io.kdp.platform;

import io.kdp.gatherer.Gatherer;
import io.kdp.gatherer.config.GathererConfig;
import io.kdp.gatherer.config.GathererConfigException;
import io.kdp.gatherer.config.GathererConfigReader;
import io.kdp.store.schema.IncompatibleSchemaException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kdp gatherer --config FILE}: one gatherer, against Kalshi or the simulator. */
@Command(
    name = "gatherer",
    mixinStandardHelpOptions = true,
    description = {
      "Run one gatherer: every market, book change, trade and ticker into its local databases,",
      "every frame into its raw journal. Keys and defaults: gatherer/README.md; KDP_* environment",
      "variables override the file. Stops cleanly on SIGTERM/SIGINT."
    })
public final class GathererCommand implements Callable<Integer> {

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "HOCON file")
  Path config;

  @Override
  public Integer call() throws Exception {
    GathererConfig cfg;
    try {
      cfg = GathererConfigReader.read(config);
    } catch (GathererConfigException e) {
      System.err.println("kdp gatherer: bad configuration: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Gatherer gatherer;
    try {
      gatherer = Gatherer.open(cfg, InstantSource.system()).start();
    } catch (GathererConfigException e) { // e.g. the exchange refused the API key
      System.err.println("kdp gatherer: bad configuration: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      IncompatibleSchemaException schema = StartupErrors.incompatibleSchema(e);
      if (schema == null) {
        throw e;
      }
      System.err.println("kdp gatherer: " + schema.getMessage());
      return StartupErrors.EXIT;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    gatherer.close();
                  } catch (Exception e) {
                    System.err.println("kdp gatherer: shutdown: " + e);
                  } finally {
                    stopped.countDown();
                  }
                },
                "gatherer-shutdown"));
    stopped.await();
    return 0;
  }
}
