package io.kdp.platform.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code kdp demo} was asked for.
 *
 * @param duration stop by itself after this long, or null to run until Ctrl-C
 * @param markets live markets in the simulated exchange
 * @param rate messages per second the exchange emits overall
 * @param seed base seed of the world (each run of a data directory adds its run number)
 * @param chaos kill and restart roles and inject exchange faults on a schedule
 * @param report write the summary as JSON here, or null
 * @param dataDir everything the demo keeps between runs
 * @param port the status page and platform admin port (0 = any free port)
 */
public record DemoOptions(
    Duration duration,
    int markets,
    double rate,
    long seed,
    boolean chaos,
    Path report,
    Path dataDir,
    int port) {

  public DemoOptions {
    if (markets < 1) {
      throw new IllegalArgumentException("--markets must be at least 1, was " + markets);
    }
    if (!(rate > 0)) {
      throw new IllegalArgumentException("--rate must be positive, was " + rate);
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("--duration must be positive, was " + duration);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0..65535, was " + port);
    }
  }
}
