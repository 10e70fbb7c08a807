package io.kdp.sim;

import io.kdp.sim.world.WorldParams;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Everything {@link ExchangeSimulator} needs.
 *
 * @param host interface to listen on
 * @param port TCP port, 0 for any free one
 * @param world markets, rate, seed and lifecycle timing
 * @param clock exchange time (tests pass a fake one and step the engine themselves)
 * @param autoStep when true a thread steps the engine every {@code stepInterval}; when false the
 *     caller calls {@link ExchangeSimulator#step()}
 * @param stepInterval how often the engine thread steps
 * @param authKeysDir directory of {@code <key-id>.pem} public keys, or null to generate a key pair
 *     in {@code dataDir}
 * @param dataDir where generated keys live
 * @param journal JSONL file receiving everything emitted, or null
 * @param faults fault SPEC (see README), or null
 * @param wsMarketCap most markets one subscription may hold (error 26 beyond)
 * @param wsQueueFrames frames one connection may have queued before its subscription is dropped
 *     with error 25
 * @param pingInterval how often the server pings each connection ({@code heartbeat})
 * @param authSkew largest accepted difference between a signed timestamp and the wall clock
 */
public record SimConfig(
    String host,
    int port,
    WorldParams world,
    InstantSource clock,
    boolean autoStep,
    Duration stepInterval,
    Path authKeysDir,
    Path dataDir,
    Path journal,
    String faults,
    int wsMarketCap,
    int wsQueueFrames,
    Duration pingInterval,
    Duration authSkew) {

  /** Defaults for an in-process simulator on a free port, stepping itself on the system clock. */
  public static SimConfig defaults(Path dataDir) {
    return new SimConfig(
        "127.0.0.1",
        0,
        WorldParams.defaults(50, 1000, 1),
        InstantSource.system(),
        true,
        Duration.ofMillis(5),
        null,
        dataDir,
        null,
        null,
        1000,
        20_000,
        Duration.ofSeconds(10),
        Duration.ofMinutes(5));
  }

  public SimConfig withPort(String newHost, int newPort) {
    return new SimConfig(
        newHost,
        newPort,
        world,
        clock,
        autoStep,
        stepInterval,
        authKeysDir,
        dataDir,
        journal,
        faults,
        wsMarketCap,
        wsQueueFrames,
        pingInterval,
        authSkew);
  }

  public SimConfig withWorld(WorldParams newWorld) {
    return new SimConfig(
        host,
        port,
        newWorld,
        clock,
        autoStep,
        stepInterval,
        authKeysDir,
        dataDir,
        journal,
        faults,
        wsMarketCap,
        wsQueueFrames,
        pingInterval,
        authSkew);
  }

  /** A copy on another clock; {@code step} false means the caller steps the engine. */
  public SimConfig withClock(InstantSource newClock, boolean step) {
    return new SimConfig(
        host,
        port,
        world,
        newClock,
        step,
        stepInterval,
        authKeysDir,
        dataDir,
        journal,
        faults,
        wsMarketCap,
        wsQueueFrames,
        pingInterval,
        authSkew);
  }

  public SimConfig withAuthKeys(Path dir) {
    return new SimConfig(
        host,
        port,
        world,
        clock,
        autoStep,
        stepInterval,
        dir,
        dataDir,
        journal,
        faults,
        wsMarketCap,
        wsQueueFrames,
        pingInterval,
        authSkew);
  }

  public SimConfig withJournal(Path file) {
    return new SimConfig(
        host,
        port,
        world,
        clock,
        autoStep,
        stepInterval,
        authKeysDir,
        dataDir,
        file,
        faults,
        wsMarketCap,
        wsQueueFrames,
        pingInterval,
        authSkew);
  }

  public SimConfig withFaults(String spec) {
    return new SimConfig(
        host,
        port,
        world,
        clock,
        autoStep,
        stepInterval,
        authKeysDir,
        dataDir,
        journal,
        spec,
        wsMarketCap,
        wsQueueFrames,
        pingInterval,
        authSkew);
  }

  public SimConfig withWebSocket(int marketCap, int queueFrames, Duration ping) {
    return new SimConfig(
        host,
        port,
        world,
        clock,
        autoStep,
        stepInterval,
        authKeysDir,
        dataDir,
        journal,
        faults,
        marketCap,
        queueFrames,
        ping,
        authSkew);
  }
}
