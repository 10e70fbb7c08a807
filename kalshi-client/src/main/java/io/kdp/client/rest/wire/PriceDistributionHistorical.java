package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Trade-price statistics of an archived candle ({@code mean} is volume-weighted); every field null
 * when nothing traded.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriceDistributionHistorical(
    String open, String low, String high, String close, String mean, String previous) {}
