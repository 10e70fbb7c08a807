package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Trade-price statistics over one candle period; every field is null when nothing traded.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriceDistribution(
    String openDollars,
    String lowDollars,
    String highDollars,
    String closeDollars,
    String meanDollars,
    String previousDollars,
    String minDollars,
    String maxDollars) {}
