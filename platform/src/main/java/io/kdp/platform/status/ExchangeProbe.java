package io.kdp.platform.status;

import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.world.World;

/**
 * The in-process simulator's own counts: messages emitted, trades on its tape, {@code
 * exchange_active}. Read under the world's lock.
 */
public final class ExchangeProbe {

  /** One reading. */
  public record Counts(long messagesEmitted, long tradesOnTape, boolean active) {}

  private final World world;

  public ExchangeProbe(ExchangeSimulator simulator) {
    this.world = simulator.world();
  }

  public Counts read() {
    return world.read(
        () ->
            new Counts(world.emittedCount(), world.tape().trades().size(), world.exchangeActive()));
  }
}
