package io.kdp.sim.world;

import io.kdp.client.model.Dollars;
import io.kdp.client.rest.wire.PriceRange;
import java.util.List;

/** The tick grids the simulator's markets use ({@code price_level_structure}). */
public enum PriceGrid {
  /** $0.01 everywhere. */
  LINEAR_CENT("linear_cent", 10_000),
  /** $0.001 everywhere. */
  DECI_CENT("deci_cent", 1_000);

  private final String wire;
  private final long tickMicros;

  PriceGrid(String wire, long tickMicros) {
    this.wire = wire;
    this.tickMicros = tickMicros;
  }

  /** Kalshi's name, e.g. {@code linear_cent}. */
  public String wire() {
    return wire;
  }

  /** One tick in micro-dollars. */
  public long tickMicros() {
    return tickMicros;
  }

  /** Lowest price a bid may rest at. */
  public long minPrice() {
    return tickMicros;
  }

  /** Highest price a bid may rest at. */
  public long maxPrice() {
    return Dollars.ONE - tickMicros;
  }

  /** Rounds a price down onto this grid and into [min, max]. */
  public long clamp(long micros) {
    long p = micros - Math.floorMod(micros, tickMicros);
    return Math.max(minPrice(), Math.min(maxPrice(), p));
  }

  /** The {@code price_ranges} of a market on this grid. */
  public List<PriceRange> priceRanges() {
    return List.of(new PriceRange("0.0000", "1.0000", Dollars.format(tickMicros)));
  }
}
