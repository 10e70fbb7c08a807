package io.kdp.sim;

import io.kdp.client.auth.RequestSigner;
import io.kdp.sim.auth.KeyStoreDir;
import io.kdp.sim.auth.PemKeys;
import io.kdp.sim.auth.SignatureVerifier;
import io.kdp.sim.auth.SimRequestSigner;
import io.kdp.sim.fault.AdminHandler;
import io.kdp.sim.fault.FaultController;
import io.kdp.sim.fault.FaultSpec;
import io.kdp.sim.journal.Journal;
import io.kdp.sim.rest.RestRouter;
import io.kdp.sim.world.Engine;
import io.kdp.sim.world.World;
import io.kdp.sim.ws.FanOut;
import io.kdp.sim.ws.WsEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Kalshi exchange: REST under {@code /trade-api/v2}, WebSocket at {@code
 * /trade-api/ws/v2}. Start it with {@link #start(SimConfig)} (port 0 for tests), stop it with
 * {@link #close()}.
 */
public final class ExchangeSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExchangeSimulator.class);

  private final SimConfig config;
  private final World world;
  private final Engine engine;
  private final Server server;
  private final KeyStoreDir.GeneratedKey generatedKey;
  private final FanOut fanOut;
  private final FaultController faults;
  private final Journal journal;
  private ScheduledExecutorService stepper;

  private ExchangeSimulator(SimConfig config) throws Exception {
    this.config = config;
    this.world = new World(config.world());
    this.engine = new Engine(world);
    Map<String, PublicKey> keys;
    if (config.authKeysDir() != null) {
      keys = KeyStoreDir.load(config.authKeysDir());
      generatedKey = null;
    } else {
      generatedKey = KeyStoreDir.generated(config.dataDir());
      keys = KeyStoreDir.publicKeys(generatedKey);
    }
    SignatureVerifier verifier =
        new SignatureVerifier(keys, InstantSource.system(), config.authSkew());
    QueuedThreadPool pool = new QueuedThreadPool(64, 4);
    pool.setName("sim-http");
    server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost(config.host());
    connector.setPort(config.port());
    server.addConnector(connector);
    fanOut = new FanOut(world, config.wsMarketCap(), config.wsQueueFrames(), config.pingInterval());
    faults = new FaultController(world, fanOut, config.clock(), verifier);
    faults.apply(FaultSpec.parse(config.faults()));
    journal = config.journal() == null ? null : new Journal(config.journal());
    if (journal != null) {
      world.addListener(journal);
    }
    Handler rest = new RestRouter(world, config.clock(), verifier, faults);
    server.setHandler(
        new AdminHandler(faults, fanOut, world, WsEndpoint.wrap(server, fanOut, verifier, rest)));
  }

  /**
   * Builds the world's first step, starts the HTTP server and, if configured, the engine thread.
   */
  public static ExchangeSimulator start(SimConfig config) throws Exception {
    ExchangeSimulator sim = new ExchangeSimulator(config);
    sim.step();
    sim.server.start();
    if (config.autoStep()) {
      sim.stepper =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "sim-engine");
                t.setDaemon(true);
                return t;
              });
      long every = config.stepInterval().toMillis();
      sim.stepper.scheduleAtFixedRate(sim::safeStep, every, every, TimeUnit.MILLISECONDS);
    }
    LOG.info("exchange simulator listening on port {}", sim.port());
    return sim;
  }

  private void safeStep() {
    try {
      step();
    } catch (RuntimeException e) {
      LOG.error("engine step failed", e);
    }
  }

  /** Advances the world to the clock's current time. */
  public void step() {
    engine.step(config.clock().millis());
    if (journal != null) {
      journal.flush();
    }
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /** {@code http://host:port/trade-api/v2}. */
  public URI restBase() {
    return URI.create("http://" + config.host() + ":" + port() + RestRouter.PREFIX);
  }

  /** {@code ws://host:port/trade-api/ws/v2}. */
  public URI wsUri() {
    return URI.create("ws://" + config.host() + ":" + port() + WsEndpoint.PATH);
  }

  public World world() {
    return world;
  }

  public SimConfig config() {
    return config;
  }

  /** The key id of the generated key pair, or null when keys came from {@code --auth-keys}. */
  public String keyId() {
    return generatedKey == null ? null : generatedKey.keyId();
  }

  /** The generated private key file, or null when keys came from {@code --auth-keys}. */
  public Path privateKeyFile() {
    return generatedKey == null ? null : generatedKey.privateKeyFile();
  }

  /** A signer for the generated key (tests, benchmarks); fails when keys came from a directory. */
  public RequestSigner signer() {
    if (generatedKey == null) {
      throw new IllegalStateException(
          "keys came from --auth-keys: the simulator has no private key");
    }
    try {
      return new SimRequestSigner(
          generatedKey.keyId(),
          PemKeys.readPrivate(generatedKey.privateKeyFile()),
          InstantSource.system());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + generatedKey.privateKeyFile(), e);
    }
  }

  @Override
  public void close() throws Exception {
    if (stepper != null) {
      stepper.shutdownNow();
      stepper.awaitTermination(5, TimeUnit.SECONDS);
    }
    server.stop();
    fanOut.close();
    faults.close();
    if (journal != null) {
      world.locked(journal::flush);
      journal.close();
    }
  }

  /** The fault controller ({@code POST /sim/admin/faults} does the same over HTTP). */
  public FaultController faults() {
    return faults;
  }

  /** {@code http://host:port/sim/admin/}. */
  public URI adminBase() {
    return URI.create("http://" + config.host() + ":" + port() + AdminHandler.PREFIX);
  }

  /** The WebSocket fan-out (connections, WebSocket faults). */
  public FanOut fanOut() {
    return fanOut;
  }
}
