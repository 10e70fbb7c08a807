package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Resting bids per side, each level {@code [price_dollars, count_fp]}, ascending by price (best bid
 * last). Kalshi omits a side that is empty in WebSocket snapshots; REST sends an empty array.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderbookFp(List<List<String>> yesDollars, List<List<String>> noDollars) {}
