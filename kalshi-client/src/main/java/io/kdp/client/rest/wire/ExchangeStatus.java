package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code GET /exchange/status}: {@code exchange_active} false means maintenance; {@code
 * trading_active} false means outside trading hours or paused.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExchangeStatus(
    Boolean exchangeActive, Boolean tradingActive, String exchangeEstimatedResumeTime) {}
