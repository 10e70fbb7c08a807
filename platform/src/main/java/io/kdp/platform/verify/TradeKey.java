package io.kdp.platform.verify;

/**
 * A trade as both sides can state it: id, market, YES price (micro-dollars), count (hundredths),
 * taker side, exchange time in milliseconds.
 */
record TradeKey(
    String tradeId, String market, long yesPrice, long count, String takerSide, long timeMillis) {}
