package io.kdp.platform.admin;

/**
 * One 1-minute OHLCV candle as the status page draws it, labelled like Kalshi's candlesticks by the
 * end of its period. Prices are micro-dollars ({@code io.kdp.client.model.Dollars}), null when the
 * period had no trade; volume in hundredths of a contract.
 */
public record Candle(long endPeriodTs, Long open, Long high, Long low, Long close, long volume) {}
