package io.kdp.gatherer.registry;

import io.kdp.client.ws.message.MarketLifecycle;
import java.util.Set;

/**
 * Kalshi's market status vocabulary as REST returns it, and how {@code market_lifecycle_v2} events
 * move a market through it (kalshi-api.md §4.1).
 */
public final class MarketStatuses {

  public static final String INITIALIZED = "initialized";
  public static final String ACTIVE = "active";
  public static final String INACTIVE = "inactive";
  public static final String CLOSED = "closed";
  public static final String DETERMINED = "determined";
  public static final String FINALIZED = "finalized";

  /**
   * Statuses whose orderbook we subscribe to: open (active), paused (inactive) and closed (the book
   * empties at close and those deltas are data too). From {@code determined} on, the market is
   * unsubscribed.
   */
  private static final Set<String> BOOKABLE = Set.of(ACTIVE, INACTIVE, CLOSED);

  private MarketStatuses() {}

  /** True when a market in {@code status} is book-subscribed. */
  public static boolean bookable(String status) {
    return status != null && BOOKABLE.contains(status);
  }

  /**
   * The status a lifecycle event moves a market to, or null when the event does not change the
   * status (close date, price grid and metadata updates).
   */
  public static String after(MarketLifecycle event) {
    if (event.eventType() == null) {
      return null;
    }
    return switch (event.eventType()) {
      case CREATED -> INITIALIZED;
      case ACTIVATED -> ACTIVE;
      case DEACTIVATED -> Boolean.FALSE.equals(event.isDeactivated()) ? ACTIVE : INACTIVE;
      case DETERMINED -> DETERMINED;
      case SETTLED -> FINALIZED;
      case CLOSE_DATE_UPDATED, PRICE_LEVEL_STRUCTURE_UPDATED, METADATA_UPDATED -> null;
    };
  }
}
