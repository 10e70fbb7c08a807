package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * {@code GET /markets/trades}: a page of trades; an empty cursor ends the listing.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TradesPage(List<Trade> trades, String cursor) {}
