package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One archived candle (OpenAPI {@code MarketCandlestickHistorical}), labelled by the inclusive end
 * of its period in Unix seconds; {@code volume} and {@code open_interest} are FixedPointCount.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CandlestickHistorical(
    Long endPeriodTs,
    BidAskDistributionHistorical yesBid,
    BidAskDistributionHistorical yesAsk,
    PriceDistributionHistorical price,
    String volume,
    String openInterest) {}
