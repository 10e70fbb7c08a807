package io.kdp.client.ws.message;

/**
 * An {@code event_lifecycle} message (on the lifecycle channels): an event was created or changed.
 * {@code strikeDate} is Unix seconds or null.
 *
 * <pre>{@code
 * {"type":"event_lifecycle","sid":5,"seq":8,"msg":{"event_ticker":"KXQUICKSETTLE-26JAN25H2150",
 *  "exchange_index":0,"title":"What will 1+1 equal on Jan 25 at 21:50?","subtitle":"Jan 25 at 21:50",
 *  "collateral_return_type":"MECNET","series_ticker":"KXQUICKSETTLE"}}
 * }</pre>
 */
public record EventLifecycle(
    int sid,
    long seq,
    String eventTicker,
    String seriesTicker,
    Integer exchangeIndex,
    String title,
    String subtitle,
    String collateralReturnType,
    Long strikeDate,
    String strikePeriod)
    implements ChannelMessage {}
