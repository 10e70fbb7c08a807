package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One event (OpenAPI {@code EventData}); {@code markets} only when nested markets were asked for.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventData(
    String eventTicker,
    String seriesTicker,
    String subTitle,
    String title,
    String collateralReturnType,
    Boolean mutuallyExclusive,
    String category,
    String strikeDate,
    String strikePeriod,
    List<Market> markets,
    Boolean availableOnBrokers,
    JsonNode productMetadata,
    String lastUpdatedTs) {}
