package io.kdp.store.row;

import java.time.Instant;

/**
 * One row of {@code market_status_changes}: a market's status as stored changed from {@code
 * oldStatus} (null when first seen) to {@code newStatus}.
 *
 * @param exchangeTime the market's {@code updated_time} with the new status, or null
 * @param receivedAt when the gatherer stored the change
 */
public record MarketStatusChange(
    String ticker,
    String oldStatus,
    String newStatus,
    Instant exchangeTime,
    Instant receivedAt,
    String gatherer) {}
