package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One public trade from {@code GET /markets/trades} or {@code GET /historical/trades}. {@code
 * taker_outcome_side} and {@code taker_book_side} are documented since May 2026 and optional here.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Trade(
    String tradeId,
    String ticker,
    String countFp,
    String yesPriceDollars,
    String noPriceDollars,
    String takerSide,
    String takerOutcomeSide,
    String takerBookSide,
    String createdTime) {}
