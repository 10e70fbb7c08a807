package io.kdp.sim.world;

import java.util.EnumSet;
import java.util.Set;

/**
 * A market's REST {@code status}. The query filter speaks another vocabulary ({@code unopened,
 * open, paused, closed, settled}); {@link #forFilter} maps it.
 */
public enum MarketStatus {
  INITIALIZED("initialized"),
  ACTIVE("active"),
  INACTIVE("inactive"),
  CLOSED("closed"),
  DETERMINED("determined"),
  FINALIZED("finalized");

  private final String wire;

  MarketStatus(String wire) {
    this.wire = wire;
  }

  /** The REST response value. */
  public String wire() {
    return wire;
  }

  /** True while the market can trade or be paused (open in the filter's sense). */
  public boolean isOpen() {
    return this == ACTIVE || this == INACTIVE;
  }

  /**
   * The statuses one market-filter value selects, or null when the value is not one of Kalshi's
   * five filter words.
   */
  public static Set<MarketStatus> forFilter(String filter) {
    return switch (filter) {
      case "unopened" -> EnumSet.of(INITIALIZED);
      case "open" -> EnumSet.of(ACTIVE);
      case "paused" -> EnumSet.of(INACTIVE);
      case "closed" -> EnumSet.of(CLOSED, DETERMINED);
      case "settled" -> EnumSet.of(FINALIZED);
      default -> null;
    };
  }
}
