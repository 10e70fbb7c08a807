package io.kdp.client.ws.message;

/**
 * Top of book and activity for one market on the {@code ticker} channel (no {@code seq}). A last
 * price of {@code ""} (seen in production before a first trade) decodes as 0.
 *
 * <pre>{@code
 * {"type":"ticker","sid":11,"msg":{"market_id":"9b0f6b43-...","market_ticker":"FED-23DEC-T3.00",
 *  "price_dollars":"0.4800","yes_bid_dollars":"0.4500","yes_ask_dollars":"0.5300",
 *  "volume_fp":"33896.00","open_interest_fp":"20422.00","dollar_volume":16948,
 *  "dollar_open_interest":10211,"yes_bid_size_fp":"300.00","yes_ask_size_fp":"150.00",
 *  "last_trade_size_fp":"25.00","ts":1669149841,"ts_ms":1669149841000,"time":"2022-11-22T20:44:01Z"}}
 * }</pre>
 */
public record TickerMessage(
    int sid,
    long seq,
    String marketTicker,
    String marketId,
    long priceMicros,
    long yesBidMicros,
    long yesAskMicros,
    long volumeCenti,
    long openInterestCenti,
    long dollarVolume,
    long dollarOpenInterest,
    long yesBidSizeCenti,
    long yesAskSizeCenti,
    long lastTradeSizeCenti,
    long exchangeTimeMicros)
    implements ChannelMessage {}
