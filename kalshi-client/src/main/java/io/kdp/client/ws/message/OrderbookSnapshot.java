package io.kdp.client.ws.message;

import java.util.List;

/**
 * The full book of one market, first on a new {@code orderbook_delta} subscription and again in
 * answer to {@code get_snapshot} (then {@code commandId} echoes the command's id, else 0). Only
 * bids per side, ascending by price.
 *
 * <pre>{@code
 * {"type":"orderbook_snapshot","sid":2,"seq":2,"msg":{"market_ticker":"FED-23DEC-T3.00",
 *  "market_id":"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1",
 *  "yes_dollars_fp":[["0.0800","300.00"],["0.2200","333.00"]],
 *  "no_dollars_fp":[["0.5400","20.00"],["0.5600","146.00"]]}}
 * }</pre>
 */
public record OrderbookSnapshot(
    int sid,
    long seq,
    int commandId,
    String marketTicker,
    String marketId,
    List<Level> yes,
    List<Level> no,
    long exchangeTimeMicros)
    implements ChannelMessage {}
