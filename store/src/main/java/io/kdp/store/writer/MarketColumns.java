package io.kdp.store.writer;

import io.kdp.store.row.MarketRow;
import java.util.List;

/** The {@code markets} columns a {@link MarketRow} fills, in record order. */
final class MarketColumns {

  static final MetadataUpsert<MarketRow> UPSERT =
      new MetadataUpsert<>(
          "markets",
          "ticker",
          List.of(
              "ticker",
              "event_ticker",
              "market_type",
              "status",
              "title",
              "subtitle",
              "yes_sub_title",
              "no_sub_title",
              "created_time",
              "open_time",
              "close_time",
              "expected_expiration_time",
              "expiration_time",
              "latest_expiration_time",
              "settlement_ts",
              "exchange_updated_time",
              "strike_type",
              "floor_strike",
              "cap_strike",
              "functional_strike",
              "custom_strike",
              "tick_size",
              "price_level_structure",
              "price_ranges",
              "result",
              "settlement_value",
              "wire"),
          m ->
              new Object[] {
                m.ticker(),
                m.eventTicker(),
                m.marketType(),
                m.status(),
                m.title(),
                m.subtitle(),
                m.yesSubTitle(),
                m.noSubTitle(),
                m.createdTime(),
                m.openTime(),
                m.closeTime(),
                m.expectedExpirationTime(),
                m.expirationTime(),
                m.latestExpirationTime(),
                m.settlementTs(),
                m.exchangeUpdatedTime(),
                m.strikeType(),
                m.floorStrike(),
                m.capStrike(),
                m.functionalStrike(),
                m.customStrike(),
                m.tickSize(),
                m.priceLevelStructure(),
                m.priceRanges(),
                m.result(),
                m.settlementValueMicros(),
                m.wire()
              });

  private MarketColumns() {}
}
