package io.kdp.client.ws.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A {@code market_lifecycle_v2} message. Which fields are set depends on {@link #eventType()}
 * (Kalshi's AsyncAPI); the others are null. Times are Unix seconds as Kalshi sends them.
 *
 * <ul>
 *   <li>{@code created}: exchangeIndex, openTs, closeTs, priceLevelStructure, priceRanges, metadata
 *       (name, title, sub-titles, rules, event_ticker, strikes...)
 *   <li>{@code activated}/{@code deactivated}: isDeactivated
 *   <li>{@code close_date_updated}: closeTs
 *   <li>{@code determined}: determinationTs, result, settlementValueMicros
 *   <li>{@code settled}: settledTs
 *   <li>{@code price_level_structure_updated}: priceLevelStructure, priceRanges
 *   <li>{@code metadata_updated}: strikeType, floorStrike, capStrike, customStrike, yesSubTitle
 * </ul>
 *
 * <pre>{@code
 * {"type":"market_lifecycle_v2","sid":13,"seq":9,"msg":{"market_ticker":"INXD-23SEP14-B4487",
 *  "event_type":"determined","determination_ts":1694722000,"result":"yes",
 *  "settlement_value":"1.0000"}}
 * }</pre>
 *
 * @param metadata {@code additional_metadata} of a {@code created} message, as sent
 * @param priceRanges {@code price_ranges} as sent ({@code [{start,end,step}]})
 */
public record MarketLifecycle(
    int sid,
    long seq,
    String marketTicker,
    LifecycleEventType eventType,
    Integer exchangeIndex,
    Long openTs,
    Long closeTs,
    Boolean isDeactivated,
    Long determinationTs,
    String result,
    Long settlementValueMicros,
    Long settledTs,
    String priceLevelStructure,
    JsonNode priceRanges,
    JsonNode metadata,
    String strikeType,
    BigDecimal floorStrike,
    BigDecimal capStrike,
    JsonNode customStrike,
    String yesSubTitle,
    List<String> unknownFields)
    implements ChannelMessage {}
