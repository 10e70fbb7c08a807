package io.kdp.bench.e2e;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.Level;
import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.SimConfig;
import io.kdp.sim.world.WorldParams;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real exchange simulator on port 0 with exchange time moved by the test: {@link #run} steps
 * the engine, so books can be compared at a quiet moment. Signatures use the wall clock.
 */
final class SimWorld implements AutoCloseable {

  /** Exchange time the test moves by hand. */
  static final class SimClock implements InstantSource {
    final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  final SimClock clock = new SimClock();
  final ExchangeSimulator sim;

  SimWorld(Path dir, int marketCap) throws Exception {
    WorldParams world =
        WorldParams.defaults(12, 600, 11)
            .withLifetimes(Duration.ofMinutes(30), Duration.ofMinutes(60))
            .withDelays(Duration.ofSeconds(1), Duration.ofSeconds(3), 5);
    sim =
        ExchangeSimulator.start(
            SimConfig.defaults(dir)
                .withWorld(world)
                .withClock(clock, false)
                .withWebSocket(marketCap, 20_000, Duration.ofSeconds(10)));
    run(Duration.ofSeconds(3));
  }

  /** Advances exchange time by {@code total} in 50 ms steps. */
  void run(Duration total) {
    for (long t = 0; t < total.toMillis(); t += 50) {
      clock.millis.addAndGet(50);
      sim.step();
    }
  }

  List<String> openTickers(int n) {
    return sim.world()
        .read(
            () -> {
              List<String> out = new ArrayList<>();
              for (var m : sim.world().markets()) {
                if (m.status().isOpen() && out.size() < n) {
                  out.add(m.ticker);
                }
              }
              return out;
            });
  }

  /** The simulator's own book side, ascending, as the ground truth. */
  List<Level> book(String ticker, Side side) {
    return sim.world().read(() -> sim.world().market(ticker).book.levels(side, 0));
  }

  @Override
  public void close() throws Exception {
    sim.close();
  }
}
