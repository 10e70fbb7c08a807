package io.kdp.sim;

import io.kdp.sim.world.WorldParams;
import java.nio.file.Path;
import java.time.Duration;

/** A simulator on port 0 driven by a {@link TestClock}: tests move time and step the engine. */
final class SimFixture implements AutoCloseable {

  static final long START = 1_795_000_000_000L;

  final TestClock clock = new TestClock(START);
  final ExchangeSimulator sim;

  SimFixture(Path dataDir, WorldParams params) throws Exception {
    this(SimConfig.defaults(dataDir).withWorld(params));
  }

  SimFixture(SimConfig config) throws Exception {
    sim = ExchangeSimulator.start(config.withClock(clock, false));
  }

  /** Short-lived markets (20–60 s) so a minute of stepping shows the whole lifecycle. */
  static WorldParams fastWorld(int markets, double rate, long seed) {
    return WorldParams.defaults(markets, rate, seed)
        .withLifetimes(Duration.ofSeconds(20), Duration.ofSeconds(60))
        .withDelays(Duration.ofSeconds(2), Duration.ofSeconds(3), 5)
        .withPauses(120);
  }

  /** Advances the clock in {@code step}s for {@code total}, stepping the engine each time. */
  void run(Duration total, Duration step) {
    for (long t = 0; t < total.toMillis(); t += step.toMillis()) {
      clock.advance(step);
      sim.step();
    }
  }

  Http http() {
    return new Http(sim.restBase(), sim.signer());
  }

  Http anonymous() {
    return new Http(sim.restBase(), null);
  }

  @Override
  public void close() throws Exception {
    sim.close();
  }
}
