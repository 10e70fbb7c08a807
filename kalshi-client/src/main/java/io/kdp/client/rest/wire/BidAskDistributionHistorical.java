package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Quote OHLC of an archived candle; the keys lack the {@code _dollars} suffix of the live ones.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BidAskDistributionHistorical(String open, String low, String high, String close) {}
