package io.kdp.platform;

import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.SimConfig;
import io.kdp.sim.world.WorldParams;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kdp sim}: runs the Kalshi exchange simulator until interrupted. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description =
        "Run the Kalshi exchange simulator (REST /trade-api/v2, WebSocket /trade-api/ws/v2).")
public final class SimCommand implements Callable<Integer> {

  @Option(names = "--port", required = true, description = "TCP port (0 = any free port)")
  int port;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "interface (default ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--markets",
      defaultValue = "200",
      description = "live markets (default ${DEFAULT-VALUE})")
  int markets;

  @Option(
      names = "--rate",
      defaultValue = "2000",
      description = "messages per second overall (default ${DEFAULT-VALUE})")
  double rate;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "world seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--faults", description = "fault SPEC, see exchange-sim/README.md")
  String faults;

  @Option(names = "--auth-keys", description = "directory of <key-id>.pem public keys")
  Path authKeys;

  @Option(names = "--journal", description = "write everything emitted to this JSONL file")
  Path journal;

  @Option(
      names = "--data-dir",
      defaultValue = "sim-data",
      description = "where a generated key pair is kept (default ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(
      names = "--ws-market-cap",
      defaultValue = "1000",
      description = "markets per subscription before error 26 (default ${DEFAULT-VALUE})")
  int marketCap;

  /** The simulator configuration these options describe. */
  SimConfig config() {
    SimConfig defaults = SimConfig.defaults(dataDir);
    return defaults
        .withPort(host, port)
        .withWorld(WorldParams.defaults(markets, rate, seed))
        .withAuthKeys(authKeys)
        .withJournal(journal)
        .withFaults(faults)
        .withWebSocket(marketCap, defaults.wsQueueFrames(), defaults.pingInterval());
  }

  @Override
  public Integer call() throws Exception {
    SimConfig config = config();
    ExchangeSimulator sim = ExchangeSimulator.start(config);
    String where = "127.0.0.1".equals(host) || "0.0.0.0".equals(host) ? "localhost" : host;
    System.out.println("kdp sim: REST http://" + where + ":" + sim.port() + "/trade-api/v2");
    System.out.println("kdp sim: WebSocket ws://" + where + ":" + sim.port() + "/trade-api/ws/v2");
    System.out.println("kdp sim: admin http://" + where + ":" + sim.port() + "/sim/admin/status");
    if (sim.keyId() != null) {
      System.out.println("kdp sim: API key id " + sim.keyId());
      System.out.println("kdp sim: private key " + sim.privateKeyFile().toAbsolutePath());
    } else {
      System.out.println("kdp sim: accepting the public keys in " + authKeys.toAbsolutePath());
    }
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    sim.close(); // stops the engine, flushes and closes the journal
                  } catch (Exception e) {
                    System.err.println("kdp sim: stop failed: " + e);
                  } finally {
                    closed.countDown();
                  }
                },
                "sim-shutdown"));
    closed.await();
    return 0;
  }
}
