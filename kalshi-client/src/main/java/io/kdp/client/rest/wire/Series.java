package io.kdp.client.rest.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One series (OpenAPI {@code Series}). {@code fee_multiplier} is a JSON number in Kalshi's schema;
 * kept exact as a BigDecimal.
 *
 * <p>Wire record: field names are Kalshi's, in snake case through {@code KalshiJson}; unknown
 * fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Series(
    String ticker,
    String frequency,
    String title,
    String category,
    List<String> tags,
    List<SettlementSource> settlementSources,
    String contractUrl,
    String contractTermsUrl,
    JsonNode productMetadata,
    String feeType,
    BigDecimal feeMultiplier,
    List<String> additionalProhibitions,
    String volumeFp,
    String lastUpdatedTs) {}
