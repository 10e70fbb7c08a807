package io.kdp.store.row;

import com.fasterxml.jackson.databind.JsonNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Dollars;
import io.kdp.client.rest.wire.EventData;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.Series;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** Pure functions from Kalshi's REST wire records to the stored metadata rows. */
public final class MetadataAdapters {

  private MetadataAdapters() {}

  /** A market row; {@code wire} is the JSON object the market was decoded from. */
  public static MarketRow market(Market m, JsonNode wire) {
    return new MarketRow(
        m.ticker(),
        m.eventTicker(),
        m.marketType(),
        m.status(),
        m.title(),
        m.subtitle(),
        m.yesSubTitle(),
        m.noSubTitle(),
        time(m.createdTime()),
        time(m.openTime()),
        time(m.closeTime()),
        time(m.expectedExpirationTime()),
        time(m.expirationTime()),
        time(m.latestExpirationTime()),
        time(m.settlementTs()),
        time(m.updatedTime()),
        m.strikeType(),
        m.floorStrike(),
        m.capStrike(),
        m.functionalStrike(),
        m.customStrike(),
        m.tickSize(),
        m.priceLevelStructure(),
        m.priceRanges() == null ? null : KalshiJson.mapper().valueToTree(m.priceRanges()),
        emptyToNull(m.result()),
        m.settlementValueDollars() == null ? null : Dollars.parse(m.settlementValueDollars()),
        wire);
  }

  /** An event row; {@code wire} is the event's JSON object (nested markets are not stored here). */
  public static EventRow event(EventData e, JsonNode wire) {
    return new EventRow(
        e.eventTicker(),
        e.seriesTicker(),
        e.title(),
        e.subTitle(),
        e.category(),
        e.collateralReturnType(),
        e.mutuallyExclusive(),
        time(e.strikeDate()),
        e.strikePeriod(),
        time(e.lastUpdatedTs()),
        wire);
  }

  /** A series row; {@code wire} is the series' JSON object. */
  public static SeriesRow series(Series s, JsonNode wire) {
    return new SeriesRow(
        s.ticker(),
        s.title(),
        s.category(),
        s.frequency(),
        s.feeType(),
        s.feeMultiplier(),
        time(s.lastUpdatedTs()),
        wire);
  }

  /** An RFC 3339 time truncated to microseconds (what {@code timestamptz} keeps), or null. */
  static Instant time(String rfc3339) {
    if (rfc3339 == null || rfc3339.isEmpty()) {
      return null;
    }
    return OffsetDateTime.parse(rfc3339).toInstant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
