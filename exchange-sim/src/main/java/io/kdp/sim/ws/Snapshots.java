package io.kdp.sim.ws;

import io.kdp.client.model.Side;
import io.kdp.client.ws.codec.WsFrameEncoder;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.OrderbookSnapshot;
import io.kdp.sim.world.MarketState;
import io.kdp.sim.world.World;
import java.util.Collection;

/**
 * Current state sent on subscribe: book snapshots, and tickers for {@code send_initial_snapshot}.
 */
final class Snapshots {

  private final World world;

  Snapshots(World world) {
    this.world = world;
  }

  /**
   * One {@code orderbook_snapshot} per known market, numbered on the subscription (under the lock).
   */
  void books(WsSession s, Subscription sub, int commandId, Collection<String> tickers) {
    for (String t : tickers) {
      MarketState m = world.market(t);
      if (m == null) {
        continue;
      }
      OrderbookSnapshot snap =
          new OrderbookSnapshot(
              0,
              0,
              commandId,
              m.ticker,
              m.marketId,
              m.book.levels(Side.YES, 0),
              m.book.levels(Side.NO, 0),
              KalshiWsMessage.NO_TIME);
      s.sendData(sub, "orderbook_snapshot", commandId, WsFrameEncoder.body(snap));
    }
  }

  /** The current {@code ticker} of each market (every market when {@code tickers} is null). */
  void tickers(WsSession s, Subscription sub, Collection<String> tickers) {
    Collection<MarketState> markets =
        tickers == null
            ? world.markets()
            : tickers.stream().map(world::market).filter(m -> m != null).toList();
    for (MarketState m : markets) {
      s.sendData(sub, "ticker", 0, WsFrameEncoder.body(m.tickerMessage(world.lastStepMillis())));
    }
  }
}
