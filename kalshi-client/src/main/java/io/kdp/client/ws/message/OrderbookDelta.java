package io.kdp.client.ws.message;

import io.kdp.client.model.Side;

/**
 * A change of resting size at one price level: add {@code deltaCenti} (signed) to the level; the
 * level disappears at zero. Exchange time from {@code ts_ms}, else {@code ts}, else {@link
 * KalshiWsMessage#NO_TIME}.
 *
 * <pre>{@code
 * {"type":"orderbook_delta","sid":2,"seq":3,"msg":{"market_ticker":"FED-23DEC-T3.00",
 *  "market_id":"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1","price_dollars":"0.9600","delta_fp":"-54.00",
 *  "side":"yes","ts":"2022-11-22T20:44:01Z","ts_ms":1669149841000}}
 * }</pre>
 */
public record OrderbookDelta(
    int sid,
    long seq,
    String marketTicker,
    String marketId,
    long priceMicros,
    long deltaCenti,
    Side side,
    long exchangeTimeMicros,
    String clientOrderId,
    String subaccount)
    implements ChannelMessage {}
