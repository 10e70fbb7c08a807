package io.kdp.sim.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.model.Side;
import io.kdp.client.ws.message.EventLifecycle;
import io.kdp.client.ws.message.LifecycleEventType;
import io.kdp.client.ws.message.MarketLifecycle;
import io.kdp.client.ws.message.OrderbookDelta;
import io.kdp.client.ws.message.TickerMessage;
import io.kdp.client.ws.message.TradeMessage;
import java.util.List;

/** Builds the shared WebSocket message records for what happens in the world (sid/seq 0). */
final class Messages {

  private Messages() {}

  static OrderbookDelta delta(MarketState m, Side side, long price, long delta, long millis) {
    return new OrderbookDelta(
        0, 0, m.ticker, m.marketId, price, delta, side, millis * 1000, null, null);
  }

  static TradeMessage trade(TradeRecord t) {
    return new TradeMessage(
        0,
        0,
        t.tradeId(),
        t.ticker(),
        t.yesPriceMicros(),
        t.noPriceMicros(),
        t.countCenti(),
        t.takerSide(),
        t.takerSide(),
        t.takerSide() == Side.YES ? "bid" : "ask",
        false,
        t.timeMicros());
  }

  static TickerMessage ticker(MarketState m, TickerState t, long millis) {
    return new TickerMessage(
        0,
        0,
        m.ticker,
        m.marketId,
        t.price(),
        t.yesBid(),
        t.yesAsk(),
        t.volume(),
        t.openInterest(),
        t.dollarVolume(),
        t.dollarOpenInterest(),
        t.yesBidSize(),
        t.yesAskSize(),
        t.lastTradeSize(),
        millis * 1000);
  }

  static EventLifecycle eventCreated(EventState e) {
    return new EventLifecycle(
        0,
        0,
        e.eventTicker,
        e.series.ticker(),
        0,
        e.title,
        e.subTitle,
        e.collateralReturnType(),
        e.strikeDateMillis / 1000,
        null);
  }

  static MarketLifecycle created(MarketState m, long determineDelayMillis) {
    ObjectNode meta = KalshiJson.mapper().createObjectNode();
    meta.put("name", m.event.title);
    meta.put("title", m.event.title);
    meta.put("yes_sub_title", m.yesSubTitle);
    meta.put("no_sub_title", m.noSubTitle);
    meta.put("rules_primary", m.rulesPrimary);
    meta.put("rules_secondary", "");
    meta.put("can_close_early", m.canCloseEarly);
    meta.put("event_ticker", m.event.eventTicker);
    meta.put("expected_expiration_ts", m.expectedExpirationMillis(determineDelayMillis) / 1000);
    meta.put("strike_type", m.strikeType);
    meta.put("floor_strike", m.floorStrike);
    return lifecycle(m, LifecycleEventType.CREATED)
        .open(m.openMillis / 1000)
        .close(m.closeMillis / 1000)
        .grid(m.grid.wire(), ranges(m.grid))
        .metadata(meta)
        .build();
  }

  static MarketLifecycle activation(MarketState m, boolean deactivated) {
    return lifecycle(m, deactivated ? LifecycleEventType.DEACTIVATED : LifecycleEventType.ACTIVATED)
        .deactivated(deactivated)
        .build();
  }

  static MarketLifecycle closeDateUpdated(MarketState m) {
    return lifecycle(m, LifecycleEventType.CLOSE_DATE_UPDATED).close(m.closeMillis / 1000).build();
  }

  static MarketLifecycle determined(MarketState m) {
    return lifecycle(m, LifecycleEventType.DETERMINED)
        .determined(m.determinedMillis / 1000, m.result, m.settlementValueMicros)
        .build();
  }

  static MarketLifecycle settled(MarketState m) {
    return lifecycle(m, LifecycleEventType.SETTLED).settled(m.settledMillis / 1000).build();
  }

  static MarketLifecycle gridUpdated(MarketState m) {
    return lifecycle(m, LifecycleEventType.PRICE_LEVEL_STRUCTURE_UPDATED)
        .grid(m.grid.wire(), ranges(m.grid))
        .build();
  }

  static MarketLifecycle metadataUpdated(MarketState m) {
    return lifecycle(m, LifecycleEventType.METADATA_UPDATED)
        .strike(m.strikeType, m.floorStrike, m.yesSubTitle)
        .build();
  }

  private static JsonNode ranges(PriceGrid grid) {
    return KalshiJson.mapper().valueToTree(grid.priceRanges());
  }

  private static LifecycleBuilder lifecycle(MarketState m, LifecycleEventType type) {
    return new LifecycleBuilder(m.ticker, type);
  }

  /** Fills the many optional fields of {@link MarketLifecycle} by event type. */
  static final class LifecycleBuilder {
    private final String ticker;
    private final LifecycleEventType type;
    private Long openTs;
    private Long closeTs;
    private Boolean deactivated;
    private Long determinationTs;
    private String result;
    private Long settlementValue;
    private Long settledTs;
    private String grid;
    private JsonNode priceRanges;
    private JsonNode metadata;
    private String strikeType;
    private java.math.BigDecimal floorStrike;
    private String yesSubTitle;

    LifecycleBuilder(String ticker, LifecycleEventType type) {
      this.ticker = ticker;
      this.type = type;
    }

    LifecycleBuilder open(long ts) {
      openTs = ts;
      return this;
    }

    LifecycleBuilder close(long ts) {
      closeTs = ts;
      return this;
    }

    LifecycleBuilder deactivated(boolean d) {
      deactivated = d;
      return this;
    }

    LifecycleBuilder determined(long ts, String res, long value) {
      determinationTs = ts;
      result = res;
      settlementValue = value;
      return this;
    }

    LifecycleBuilder settled(long ts) {
      settledTs = ts;
      return this;
    }

    LifecycleBuilder grid(String structure, JsonNode ranges) {
      grid = structure;
      priceRanges = ranges;
      return this;
    }

    LifecycleBuilder metadata(JsonNode meta) {
      metadata = meta;
      return this;
    }

    LifecycleBuilder strike(String type, java.math.BigDecimal floor, String yesSub) {
      strikeType = type;
      floorStrike = floor;
      yesSubTitle = yesSub;
      return this;
    }

    MarketLifecycle build() {
      return new MarketLifecycle(
          0,
          0,
          ticker,
          type,
          type == LifecycleEventType.CREATED ? 0 : null,
          openTs,
          closeTs,
          deactivated,
          determinationTs,
          result,
          settlementValue,
          settledTs,
          grid,
          priceRanges,
          metadata,
          strikeType,
          floorStrike,
          null,
          null,
          yesSubTitle,
          List.of());
    }
  }
}
