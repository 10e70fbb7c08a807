package io.kdp.platform.status;

import io.kdp.client.ws.message.TradeMessage;
import io.kdp.sim.ExchangeSimulator;
import io.kdp.sim.world.World;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process simulator's own counts: messages emitted, trades emitted since this probe was made
 * (counted by a world listener, so trades that left the live tape still count), trades on the live
 * tape, {@code exchange_active}.
 */
public final class ExchangeProbe {

  /** One reading. */
  public record Counts(
      long messagesEmitted, long tradesEmitted, long tradesOnTape, boolean active) {}

  private final World world;
  private final AtomicLong trades = new AtomicLong();

  public ExchangeProbe(ExchangeSimulator simulator) {
    this.world = simulator.world();
    world.addListener(
        (message, exchangeMillis) -> {
          if (message instanceof TradeMessage) {
            trades.incrementAndGet();
          }
        });
  }

  public Counts read() {
    return world.read(
        () ->
            new Counts(
                world.emittedCount(),
                trades.get(),
                world.tape().trades().size(),
                world.exchangeActive()));
  }
}
