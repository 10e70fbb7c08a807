package io.kdp.sim.world;

import io.kdp.client.model.Dollars;
import io.kdp.client.ws.message.EventFeeUpdate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Moves the world forward: {@link #step(long)} runs the lifecycle that is due, lists new markets to
 * keep {@code liveMarkets} open, and spends the order-flow budget ({@code messagesPerSecond} times
 * the elapsed time). Deterministic: the same seed and the same sequence of step times give the same
 * world and the same messages.
 */
public final class Engine {

  private final World world;
  private final WorldParams params;
  private final SplittableRandom rnd;
  private final WorldGenerator generator;
  private final OrderFlow flow;
  private final List<MarketState> live = new ArrayList<>();
  private final List<MarketState> open = new ArrayList<>();
  private long lastStep = Long.MIN_VALUE;
  private double budget;

  public Engine(World world) {
    this.world = world;
    this.params = world.params();
    this.rnd = new SplittableRandom(params.seed());
    this.generator = new WorldGenerator(rnd);
    this.flow = new OrderFlow(world, rnd);
  }

  /** Advances the world to {@code nowMillis} (exchange time); steps must not go backwards. */
  public void step(long nowMillis) {
    synchronized (world) {
      if (lastStep == Long.MIN_VALUE) {
        world.series.addAll(generator.series(nowMillis));
        lastStep = nowMillis;
      }
      long elapsed = Math.max(0, nowMillis - lastStep);
      lastStep = Math.max(lastStep, nowMillis);
      world.lastStepMillis = lastStep;
      if (!world.exchangeActive) {
        if (world.exchangeResumeMillis > nowMillis) {
          return;
        }
        world.exchangeActive = true;
        elapsed = 0;
      }
      try {
        lifecycle(nowMillis, elapsed);
        replenish(nowMillis);
        orderFlow(nowMillis, elapsed);
      } finally {
        world.endOfStep();
      }
    }
  }

  private void lifecycle(long now, long elapsed) {
    double pauseChance = params.pausesPerMarketHour() * elapsed / 3_600_000.0;
    List<MarketState> done = new ArrayList<>();
    for (MarketState m : live) {
      switch (m.status) {
        case INITIALIZED -> {
          if (now >= m.openMillis) {
            setStatus(m, MarketStatus.ACTIVE, now);
            world.emit(Messages.activation(m, false), now);
          }
        }
        case ACTIVE, INACTIVE -> openMarket(m, now, pauseChance);
        case CLOSED -> {
          if (now >= m.closeMillis + params.determineDelay().toMillis()) {
            determine(m, now);
          }
        }
        case DETERMINED -> {
          if (now >= m.determinedMillis + m.settlementTimerSeconds * 1000L) {
            m.settledMillis = now;
            setStatus(m, MarketStatus.FINALIZED, now);
            world.emit(Messages.settled(m), now);
            done.add(m);
          }
        }
        case FINALIZED -> done.add(m);
      }
    }
    live.removeAll(done);
    open.removeIf(m -> !m.status.isOpen());
  }

  private void openMarket(MarketState m, long now, double pauseChance) {
    if (now >= m.closeMillis) {
      flow.clearBook(m, now);
      setStatus(m, MarketStatus.CLOSED, now);
      return;
    }
    if (m.status == MarketStatus.INACTIVE) {
      if (now >= m.resumeMillis) {
        setStatus(m, MarketStatus.ACTIVE, now);
        world.emit(Messages.activation(m, false), now);
      }
      return;
    }
    if (rnd.nextDouble() < pauseChance) {
      m.resumeMillis = now + 2_000 + rnd.nextInt(8_000);
      setStatus(m, MarketStatus.INACTIVE, now);
      world.emit(Messages.activation(m, true), now);
    } else if (m.canCloseEarly && rnd.nextDouble() < pauseChance / 4) {
      m.closeMillis = Math.max(now + 1_000, m.closeMillis - (m.closeMillis - now) / 2);
      m.updatedMillis = now;
      world.emit(Messages.closeDateUpdated(m), now);
    }
  }

  private void determine(MarketState m, long now) {
    boolean yes = rnd.nextLong(Dollars.ONE) < Math.max(m.lastPrice, m.fairMicros);
    m.result = yes ? "yes" : "no";
    m.settlementValueMicros = yes ? Dollars.ONE : 0;
    m.determinedMillis = now;
    setStatus(m, MarketStatus.DETERMINED, now);
    world.emit(Messages.determined(m), now);
  }

  private void setStatus(MarketState m, MarketStatus status, long now) {
    m.status = status;
    m.updatedMillis = now;
    if (status == MarketStatus.ACTIVE && !open.contains(m)) {
      open.add(m);
    }
  }

  private void replenish(long now) {
    long listed =
        live.stream().filter(m -> m.status.ordinal() <= MarketStatus.INACTIVE.ordinal()).count();
    while (listed < params.liveMarkets()) {
      int want = (int) Math.min(params.liveMarkets() - listed, 2 + rnd.nextInt(4));
      listed += listEvent(now, want);
    }
  }

  private int listEvent(long now, int count) {
    SeriesState s = world.series.get(rnd.nextInt(world.series.size()));
    long lifetime =
        params.lifetimeMin().toMillis()
            + rnd.nextLong(params.lifetimeMax().toMillis() - params.lifetimeMin().toMillis() + 1);
    long openAt = now + (world.markets.isEmpty() ? 0 : params.openDelay().toMillis());
    long closeAt = openAt + lifetime;
    EventState e =
        new EventState(
            world.events.size(),
            generator.eventTicker(s, now),
            s,
            generator.eventTitle(s, closeAt),
            "Closes " + java.time.Instant.ofEpochMilli(closeAt),
            rnd.nextBoolean(),
            closeAt,
            now);
    world.events.add(e);
    world.eventsByTicker.put(e.eventTicker, e);
    world.emit(Messages.eventCreated(e), now);
    if (rnd.nextInt(8) == 0) {
      world.emit(
          new EventFeeUpdate(
              0, 0, e.eventTicker, "quadratic_with_maker_fees", new BigDecimal("0.5")),
          now);
    }
    for (MarketSpec spec : generator.strikes(s, count)) {
      MarketState m =
          new MarketState(
              world.markets.size(),
              e.eventTicker + "-" + spec.tickerSuffix(),
              OrderFlow.uuid(rnd),
              e,
              spec,
              now,
              openAt,
              closeAt,
              params.settlementTimerSeconds());
      world.markets.add(m);
      world.marketsByTicker.put(m.ticker, m);
      e.markets.add(m);
      live.add(m);
      world.emit(Messages.created(m, params.determineDelay().toMillis()), now);
      preOpenChange(m, now);
    }
    return count;
  }

  private void preOpenChange(MarketState m, long now) {
    int r = rnd.nextInt(10);
    if (r == 0) {
      m.grid = m.grid == PriceGrid.LINEAR_CENT ? PriceGrid.DECI_CENT : PriceGrid.LINEAR_CENT;
      m.fairMicros = m.grid.clamp(m.fairMicros);
      world.emit(Messages.gridUpdated(m), now);
    } else if (r == 1) {
      m.yesSubTitle = m.yesSubTitle + " (revised)";
      world.emit(Messages.metadataUpdated(m), now);
    }
  }

  private void orderFlow(long now, long elapsed) {
    if (open.isEmpty()) {
      budget = 0;
      return;
    }
    budget =
        Math.min(
            budget + params.messagesPerSecond() * elapsed / 1000.0,
            params.messagesPerSecond() + 10);
    int guard = 0;
    while (budget >= 1 && guard++ < 1_000_000) {
      MarketState m = open.get(rnd.nextInt(open.size()));
      budget -= m.status == MarketStatus.ACTIVE ? Math.max(1, flow.act(m, now)) : 1;
    }
  }
}
