package io.kdp.client.ws.message;

import java.math.BigDecimal;

/**
 * An {@code event_fee_update} on {@code market_lifecycle_v2}: a fee override set or cleared (nulls
 * mean cleared).
 */
public record EventFeeUpdate(
    int sid, long seq, String eventTicker, String feeTypeOverride, BigDecimal feeMultiplierOverride)
    implements ChannelMessage {}
