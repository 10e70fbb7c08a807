package io.kdp.store.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest known state of one event (table {@code events}); {@code wire} is the whole event JSON
 * object as Kalshi sent it (without nested markets).
 */
public record EventRow(
    String eventTicker,
    String seriesTicker,
    String title,
    String subTitle,
    String category,
    String collateralReturnType,
    Boolean mutuallyExclusive,
    Instant strikeDate,
    String strikePeriod,
    Instant lastUpdatedTs,
    JsonNode wire) {

  public EventRow {
    Objects.requireNonNull(eventTicker, "eventTicker");
    Objects.requireNonNull(wire, "wire");
  }
}
