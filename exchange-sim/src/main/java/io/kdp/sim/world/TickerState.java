package io.kdp.sim.world;

/** The values a {@code ticker} message carries; a new one is sent when any of them changes. */
record TickerState(
    long price,
    long yesBid,
    long yesAsk,
    long volume,
    long openInterest,
    long dollarVolume,
    long dollarOpenInterest,
    long yesBidSize,
    long yesAskSize,
    long lastTradeSize) {}
