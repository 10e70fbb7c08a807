package io.kdp.sim.ws;

import java.util.Set;

/** The WebSocket channels the simulator publishes. */
enum Channel {
  ORDERBOOK_DELTA("orderbook_delta", true),
  TICKER("ticker", false),
  TRADE("trade", true),
  MARKET_LIFECYCLE_V2("market_lifecycle_v2", true);

  /**
   * Channels Kalshi knows that carry nothing here (private or multivariate data): subscribing
   * works, no data follows.
   */
  static final Set<String> SILENT =
      Set.of(
          "fill",
          "market_positions",
          "user_orders",
          "order_group_updates",
          "communications",
          "multivariate_market_lifecycle",
          "multivariate");

  final String wire;
  final boolean sequenced;

  Channel(String wire, boolean sequenced) {
    this.wire = wire;
    this.sequenced = sequenced;
  }

  /** The channel of a wire name, or null. */
  static Channel of(String wire) {
    for (Channel c : values()) {
      if (c.wire.equals(wire)) {
        return c;
      }
    }
    return null;
  }
}
