package io.kdp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Dollars;
import io.kdp.client.model.Side;
import io.kdp.client.ws.message.ChannelMessage;
import io.kdp.client.ws.message.LifecycleEventType;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.TradeMessage;
import io.kdp.sim.world.Engine;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.PriceGrid;
import io.kdp.sim.world.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The world behaves like Kalshi's: uncrossed books, $1 trades, grids, fractions, lifecycle order.
 */
class WorldTest {

  private final List<ChannelMessage> emitted = new ArrayList<>();

  private World run(int seconds) {
    World world = new World(SimFixture.fastWorld(12, 600, 21));
    world.addListener((m, t) -> emitted.add(m));
    Engine engine = new Engine(world);
    for (long t = 0; t <= seconds * 1000L; t += 50) {
      engine.step(SimFixture.START + t);
      world.locked(() -> world.markets().forEach(WorldTest::assertUncrossed));
    }
    return world;
  }

  private static void assertUncrossed(MarketState m) {
    long yes = m.book.bestBid(Side.YES);
    long no = m.book.bestBid(Side.NO);
    if (yes > 0 && no > 0) {
      assertThat(yes + no).as(m.ticker).isLessThan(Dollars.ONE);
    }
  }

  @Test
  void tradesPayOneDollarAndPricesSitOnTheMarketsGrid() {
    World world = run(90);
    Map<String, PriceGrid> grids = new HashMap<>();
    world.locked(() -> world.markets().forEach(m -> grids.put(m.ticker, m.grid())));
    assertThat(grids.values()).contains(PriceGrid.LINEAR_CENT, PriceGrid.DECI_CENT);
    int subCent = 0;
    for (ChannelMessage m : emitted) {
      if (m instanceof TradeMessage t) {
        assertThat(t.yesPriceMicros() + t.noPriceMicros()).isEqualTo(Dollars.ONE);
        assertThat(t.yesPriceMicros() % grids.get(t.marketTicker()).tickMicros()).isZero();
        assertThat(t.tradeId())
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      }
      if (m instanceof OrderbookDelta d) {
        assertThat(d.priceMicros() % grids.get(d.marketTicker()).tickMicros()).isZero();
        subCent += d.priceMicros() % 10_000 != 0 ? 1 : 0;
      }
    }
    assertThat(subCent).isPositive();
  }

  @Test
  void fractionalCountsOnlyOnFractionalMarketsAndIdenticalConsecutiveDeltasHappen() {
    World world = run(60);
    Map<String, Boolean> fractional = new HashMap<>();
    world.locked(() -> world.markets().forEach(m -> fractional.put(m.ticker, m.fractional)));
    int fractions = 0;
    int identicalPairs = 0;
    OrderbookDelta previous = null;
    for (ChannelMessage m : emitted) {
      if (m instanceof OrderbookDelta d) {
        if (d.deltaCenti() % 100 != 0) {
          assertThat(fractional.get(d.marketTicker())).as(d.marketTicker()).isTrue();
          fractions++;
        }
        identicalPairs += d.equals(previous) ? 1 : 0;
        previous = d;
      } else {
        previous = null;
      }
    }
    assertThat(fractions).isPositive();
    assertThat(identicalPairs).isPositive();
  }

  @Test
  void lifecycleRunsCreatedActivatedDeterminedSettledInOrder() {
    World world = run(120);
    Map<String, List<LifecycleEventType>> events = new HashMap<>();
    for (ChannelMessage m : emitted) {
      if (m instanceof MarketLifecycle l) {
        events.computeIfAbsent(l.marketTicker(), k -> new ArrayList<>()).add(l.eventType());
      }
    }
    int settled = 0;
    for (var e : events.entrySet()) {
      List<LifecycleEventType> types = e.getValue();
      assertThat(types.get(0)).as(e.getKey()).isEqualTo(LifecycleEventType.CREATED);
      int determined = types.indexOf(LifecycleEventType.DETERMINED);
      int settledAt = types.indexOf(LifecycleEventType.SETTLED);
      if (determined >= 0) {
        assertThat(types.indexOf(LifecycleEventType.ACTIVATED)).isBetween(1, determined - 1);
      }
      if (settledAt >= 0) {
        assertThat(determined).isBetween(1, settledAt - 1);
        assertThat(settledAt).isEqualTo(types.size() - 1);
        settled++;
      }
    }
    assertThat(settled).isPositive();
    assertThat(events.values().stream().flatMap(List::stream))
        .contains(LifecycleEventType.DEACTIVATED);
  }
}
