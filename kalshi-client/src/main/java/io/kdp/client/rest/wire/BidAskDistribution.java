package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Open, low, high and close of a quote (best YES bid or ask) over one candle period.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BidAskDistribution(
    String openDollars, String lowDollars, String highDollars, String closeDollars) {}
