package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code GET /markets/{ticker}/orderbook}: {@code orderbook_fp} now, {@code orderbook} on older
 * servers.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderbookResponse(OrderbookFp orderbookFp, LegacyOrderbook orderbook) {}
