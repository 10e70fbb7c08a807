package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The pre-2026 {@code orderbook} shape (integer cents and counts plus dollar strings), still
 * accepted by the client.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LegacyOrderbook(
    List<List<Long>> yes,
    List<List<Long>> no,
    List<List<String>> yesDollars,
    List<List<String>> noDollars) {}
