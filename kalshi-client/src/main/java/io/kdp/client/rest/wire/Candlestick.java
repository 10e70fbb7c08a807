package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One candle, labelled by {@code end_period_ts}: the inclusive end of its period, in Unix seconds.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Candlestick(
    Long endPeriodTs,
    BidAskDistribution yesBid,
    BidAskDistribution yesAsk,
    PriceDistribution price,
    String volumeFp,
    String openInterestFp) {}
