package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One market as {@code GET /markets} and {@code GET /markets/{ticker}} return it (OpenAPI {@code
 * Market}). Prices are FixedPointDollars strings, counts FixedPointCount strings, times RFC 3339.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Market(
    String ticker,
    String eventTicker,
    String marketType,
    String title,
    String subtitle,
    String yesSubTitle,
    String noSubTitle,
    String createdTime,
    String updatedTime,
    String openTime,
    String closeTime,
    String expectedExpirationTime,
    String expirationTime,
    String latestExpirationTime,
    Integer settlementTimerSeconds,
    String status,
    String responsePriceUnits,
    String yesBidDollars,
    String yesBidSizeFp,
    String yesAskDollars,
    String yesAskSizeFp,
    String noBidDollars,
    String noAskDollars,
    String lastPriceDollars,
    String volumeFp,
    @JsonProperty("volume_24h_fp") String volume24hFp,
    String result,
    Boolean canCloseEarly,
    Boolean fractionalTradingEnabled,
    String openInterestFp,
    String notionalValueDollars,
    String previousYesBidDollars,
    String previousYesAskDollars,
    String previousPriceDollars,
    String liquidityDollars,
    String settlementValueDollars,
    String settlementTs,
    String expirationValue,
    String occurrenceDatetime,
    String feeWaiverExpirationTime,
    String earlyCloseCondition,
    Integer tickSize,
    String strikeType,
    BigDecimal floorStrike,
    BigDecimal capStrike,
    String functionalStrike,
    JsonNode customStrike,
    String rulesPrimary,
    String rulesSecondary,
    String mveCollectionTicker,
    List<MveSelectedLeg> mveSelectedLegs,
    String primaryParticipantKey,
    String priceLevelStructure,
    List<PriceRange> priceRanges,
    Boolean isProvisional) {}
