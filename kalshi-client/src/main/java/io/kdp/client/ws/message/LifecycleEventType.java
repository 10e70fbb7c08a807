package io.kdp.client.ws.message;

/** The {@code event_type} of a {@code market_lifecycle_v2} message. */
public enum LifecycleEventType {
  CREATED("created"),
  ACTIVATED("activated"),
  DEACTIVATED("deactivated"),
  CLOSE_DATE_UPDATED("close_date_updated"),
  DETERMINED("determined"),
  SETTLED("settled"),
  PRICE_LEVEL_STRUCTURE_UPDATED("price_level_structure_updated"),
  METADATA_UPDATED("metadata_updated");

  private final String wire;

  LifecycleEventType(String wire) {
    this.wire = wire;
  }

  /** Kalshi's name, e.g. {@code "close_date_updated"}. */
  public String wire() {
    return wire;
  }

  /** The type for a wire name, or null when Kalshi sends one we do not know. */
  public static LifecycleEventType fromWire(String s) {
    for (LifecycleEventType t : values()) {
      if (t.wire.equals(s)) {
        return t;
      }
    }
    return null;
  }
}
