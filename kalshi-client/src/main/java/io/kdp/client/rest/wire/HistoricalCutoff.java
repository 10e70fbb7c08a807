package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code GET /historical/cutoff}: data older than these instants lives under {@code /historical}.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HistoricalCutoff(
    String marketSettledTs, String tradesCreatedTs, String ordersUpdatedTs) {}
