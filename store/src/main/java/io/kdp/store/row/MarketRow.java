package io.kdp.store.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest known state of one market (table {@code markets}). Times are exchange times (µs
 * precision), null when Kalshi sent none. {@link MetadataAdapters#market} builds one from the REST
 * wire record.
 *
 * @param exchangeUpdatedTime Kalshi's {@code updated_time}; a stored row is never replaced by one
 *     whose {@code exchangeUpdatedTime} is older
 * @param priceRanges the price grid ({@code price_ranges}: {@code [{start,end,step}]}), as sent
 * @param settlementValueMicros {@code settlement_value_dollars} in micro-dollars, or null
 * @param wire the whole market JSON object as Kalshi sent it
 */
public record MarketRow(
    String ticker,
    String eventTicker,
    String marketType,
    String status,
    String title,
    String subtitle,
    String yesSubTitle,
    String noSubTitle,
    Instant createdTime,
    Instant openTime,
    Instant closeTime,
    Instant expectedExpirationTime,
    Instant expirationTime,
    Instant latestExpirationTime,
    Instant settlementTs,
    Instant exchangeUpdatedTime,
    String strikeType,
    BigDecimal floorStrike,
    BigDecimal capStrike,
    String functionalStrike,
    JsonNode customStrike,
    Integer tickSize,
    String priceLevelStructure,
    JsonNode priceRanges,
    String result,
    Long settlementValueMicros,
    JsonNode wire) {

  public MarketRow {
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(wire, "wire");
  }
}
