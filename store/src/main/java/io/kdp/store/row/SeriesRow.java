package io.kdp.store.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest known state of one series (table {@code series}); {@code wire} is the whole series
 * JSON object as Kalshi sent it.
 */
public record SeriesRow(
    String ticker,
    String title,
    String category,
    String frequency,
    String feeType,
    BigDecimal feeMultiplier,
    Instant lastUpdatedTs,
    JsonNode wire) {

  public SeriesRow {
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(wire, "wire");
  }
}
