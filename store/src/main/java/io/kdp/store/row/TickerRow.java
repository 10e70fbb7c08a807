package io.kdp.store.row;

/**
 * One stored {@code ticker} update: top of book and activity. Prices micro-dollars, sizes and
 * volumes hundredths of a contract, {@code dollarVolume}/{@code dollarOpenInterest} whole dollars
 * as Kalshi sends them.
 *
 * @param exchangeTimeMicros Unix µs, or {@link io.kdp.client.ws.message.KalshiWsMessage#NO_TIME}
 * @param receivedAtMicros Unix µs on the gatherer's clock
 */
public record TickerRow(
    String market,
    long priceMicros,
    long yesBidMicros,
    long yesAskMicros,
    long yesBidSizeCenti,
    long yesAskSizeCenti,
    long lastTradeSizeCenti,
    long volumeCenti,
    long openInterestCenti,
    long dollarVolume,
    long dollarOpenInterest,
    long exchangeTimeMicros,
    long receivedAtMicros,
    Provenance provenance) {}
