package io.kdp.sim.world;

import java.util.ArrayList;
import java.util.List;

/** An event of the simulated exchange: a question with one binary market per strike. */
public final class EventState {

  /** Creation order across the whole exchange, the sort key of {@code GET /events}. */
  public final int index;

  public final String eventTicker;
  public final SeriesState series;
  public final String title;
  public final String subTitle;
  public final boolean mutuallyExclusive;
  public final long strikeDateMillis;
  public final long createdMillis;
  final List<MarketState> markets = new ArrayList<>();

  EventState(
      int index,
      String eventTicker,
      SeriesState series,
      String title,
      String subTitle,
      boolean mutuallyExclusive,
      long strikeDateMillis,
      long createdMillis) {
    this.index = index;
    this.eventTicker = eventTicker;
    this.series = series;
    this.title = title;
    this.subTitle = subTitle;
    this.mutuallyExclusive = mutuallyExclusive;
    this.strikeDateMillis = strikeDateMillis;
    this.createdMillis = createdMillis;
  }

  /** The event's markets in creation order (read under the world lock). */
  public List<MarketState> markets() {
    return markets;
  }

  /** {@code MECNET} for mutually exclusive events, else {@code DIRECNET}. */
  public String collateralReturnType() {
    return mutuallyExclusive ? "MECNET" : "DIRECNET";
  }

  /**
   * The events filter's view of this event: {@code unopened} until a market opens, {@code open}
   * while any market is open, {@code settled} once every market is, else {@code closed}.
   */
  public String filterStatus() {
    boolean anyOpen = false;
    boolean allUnopened = true;
    boolean allSettled = true;
    for (MarketState m : markets) {
      MarketStatus s = m.status();
      anyOpen |= s.isOpen();
      allUnopened &= s == MarketStatus.INITIALIZED;
      allSettled &= s == MarketStatus.FINALIZED;
    }
    if (anyOpen) {
      return "open";
    }
    if (allUnopened) {
      return "unopened";
    }
    return allSettled ? "settled" : "closed";
  }

  /** Latest change of the event or any of its markets' metadata. */
  public long lastUpdatedMillis() {
    long t = createdMillis;
    for (MarketState m : markets) {
      t = Math.max(t, m.updatedMillis());
    }
    return t;
  }
}
