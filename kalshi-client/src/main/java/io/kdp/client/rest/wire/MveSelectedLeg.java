package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A leg of a multivariate market.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MveSelectedLeg(
    String eventTicker, String marketTicker, String side, String yesSettlementValueDollars) {}
