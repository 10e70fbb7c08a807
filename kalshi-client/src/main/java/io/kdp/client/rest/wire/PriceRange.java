package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One band of a market's tick grid, in dollars: {@code
 * {"start":"0.0000","end":"1.0000","step":"0.0100"}}.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriceRange(String start, String end, String step) {}
