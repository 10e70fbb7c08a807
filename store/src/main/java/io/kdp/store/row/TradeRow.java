package io.kdp.store.row;

import io.kdp.client.model.Side;

/**
 * One stored trade, from the {@code trade} channel or a REST back-fill. Stored once per gatherer
 * and {@code tradeId}.
 *
 * @param takerSide null when Kalshi did not say
 * @param takerOutcomeSide null when Kalshi did not say
 * @param takerBookSide {@code "bid"}/{@code "ask"}, or null
 * @param exchangeTimeMicros Unix µs, or {@link io.kdp.client.ws.message.KalshiWsMessage#NO_TIME}
 * @param receivedAtMicros Unix µs on the gatherer's clock
 */
public record TradeRow(
    String tradeId,
    String market,
    long yesPriceMicros,
    long noPriceMicros,
    long countCenti,
    Side takerSide,
    Side takerOutcomeSide,
    String takerBookSide,
    boolean blockTrade,
    FeedSource source,
    long exchangeTimeMicros,
    long receivedAtMicros,
    Provenance provenance) {}
