package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Kalshi error: {@code {"code":"market_not_found","message":"market not
 * found","service":"exchange"}}.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorBody(String code, String message, String details, String service) {}
