package io.kdp.store.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdp.client.json.KalshiJson;
import io.kdp.client.rest.wire.EventData;
import io.kdp.client.rest.wire.Market;
import io.kdp.client.rest.wire.Series;
import io.kdp.store.GathererStore;
import io.kdp.store.StoreDatabases;
import io.kdp.store.position.Position;
import io.kdp.store.position.PositionBatch;
import io.kdp.store.position.PositionCursor;
import io.kdp.store.row.EventRow;
import io.kdp.store.row.MarketRow;
import io.kdp.store.row.MarketStatusChange;
import io.kdp.store.row.MetadataAdapters;
import io.kdp.store.row.SeriesRow;
import io.kdp.store.table.MetadataTables;
import io.kdp.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class MetadataWriterTest {

  private static final Instant SEEN = Instant.parse("2026-11-25T10:00:01.5Z");

  private final MetadataWriter writer = new MetadataWriter();
  private TestDatabase db;

  @BeforeEach
  void migrate() throws SQLException {
    db = StoreDatabases.migrated();
  }

  @Test
  void marketRoundTripsWithItsWholeWireJson() throws Exception {
    MarketRow row = market(wire());

    assertThat(row.settlementValueMicros()).isNull();
    assertThat(row.floorStrike()).isEqualTo(new BigDecimal("53.5"));
    assertThat(upsert(row)).isEqualTo(new MetadataWriteResult(1, 1));

    try (Connection c = db.connect()) {
      assertThat(MetadataReader.markets(c)).containsExactly(row);
      assertThat(MetadataReader.statusChanges(c))
          .containsExactly(
              new MarketStatusChange(
                  row.ticker(), null, "active", row.exchangeUpdatedTime(), SEEN, "a"));
    }
  }

  @Test
  void statusHistoryRecordsEachChangeAndNothingForAnUnchangedMarket() throws Exception {
    ObjectNode wire = wire();
    MarketRow active = market(wire);
    upsert(active);

    assertThat(upsert(active)).isEqualTo(new MetadataWriteResult(0, 0));

    ObjectNode closedWire = wire.deepCopy();
    closedWire.put("status", "closed").put("updated_time", "2026-11-26T05:00:00Z");
    MarketRow closed = market(closedWire);
    ObjectNode settledWire = closedWire.deepCopy();
    settledWire
        .put("status", "settled")
        .put("result", "yes")
        .put("settlement_value_dollars", "1.0000")
        .put("updated_time", "2026-11-26T15:00:00Z");
    MarketRow settled = market(settledWire);

    assertThat(upsert(closed)).isEqualTo(new MetadataWriteResult(1, 1));
    assertThat(upsert(settled, closed)).isEqualTo(new MetadataWriteResult(0, 0));
    assertThat(upsert(settled)).isEqualTo(new MetadataWriteResult(1, 1));
    // a stale REST page (older updated_time) must not undo the settlement
    assertThat(upsert(active)).isEqualTo(new MetadataWriteResult(0, 0));

    try (Connection c = db.connect()) {
      assertThat(MetadataReader.markets(c)).containsExactly(settled);
      assertThat(settled.result()).isEqualTo("yes");
      assertThat(settled.settlementValueMicros()).isEqualTo(1_000_000L);
      assertThat(
              MetadataReader.statusChanges(c).stream()
                  .map(s -> s.oldStatus() + ">" + s.newStatus()))
          .containsExactly("null>active", "active>closed", "closed>settled");
    }
  }

  @Test
  void eventsAndSeriesRoundTripAndTheLastRowOfABatchWins() throws Exception {
    JsonNode eventJson =
        KalshiJson.mapper()
            .readTree(
                "{\"event_ticker\":\"KXHIGHNY-26NOV25\",\"series_ticker\":\"KXHIGHNY\","
                    + "\"sub_title\":\"On Nov 25, 2026\",\"title\":\"Highest temperature in NYC\","
                    + "\"collateral_return_type\":\"MECNET\",\"mutually_exclusive\":true,"
                    + "\"category\":\"Climate and Weather\",\"strike_date\":\"2026-11-26T04:59:00Z\","
                    + "\"last_updated_ts\":\"2026-11-25T09:00:00.5Z\"}");
    EventRow event =
        MetadataAdapters.event(
            KalshiJson.mapper().treeToValue(eventJson, EventData.class), eventJson);
    JsonNode seriesJson =
        KalshiJson.mapper()
            .readTree(
                "{\"ticker\":\"KXHIGHNY\",\"frequency\":\"daily\",\"title\":\"Highest temperature"
                    + " in NYC\",\"category\":\"Climate and Weather\",\"tags\":[\"Weather\"],"
                    + "\"fee_type\":\"quadratic\",\"fee_multiplier\":0.0700,\"volume_fp\":\"1.00\"}");
    SeriesRow series =
        MetadataAdapters.series(
            KalshiJson.mapper().treeToValue(seriesJson, Series.class), seriesJson);
    SeriesRow renamed =
        new SeriesRow(
            series.ticker(),
            "renamed",
            series.category(),
            series.frequency(),
            series.feeType(),
            series.feeMultiplier(),
            series.lastUpdatedTs(),
            series.wire());

    MetadataWriteResult events =
        GathererStore.inTransaction(
            db.dataSource(), c -> writer.upsertEvents(c, List.of(event), "a", SEEN));
    MetadataWriteResult seriesResult =
        GathererStore.inTransaction(
            db.dataSource(), c -> writer.upsertSeries(c, List.of(series, renamed), "a", SEEN));

    assertThat(events).isEqualTo(new MetadataWriteResult(1, 0));
    assertThat(seriesResult).isEqualTo(new MetadataWriteResult(1, 0));
    try (Connection c = db.connect()) {
      assertThat(MetadataReader.events(c)).containsExactly(event);
      assertThat(MetadataReader.series(c)).containsExactly(renamed);
      assertThat(renamed.feeMultiplier()).isEqualByComparingTo("0.07");
    }
  }

  @Test
  void aCursorOnMarketsReadsEachNewStateOnceAndTheHistoryOnce() throws Exception {
    PositionCursor<MarketRow> markets = new PositionCursor<>(MetadataTables.MARKETS);
    PositionCursor<MarketStatusChange> history =
        new PositionCursor<>(MetadataTables.STATUS_CHANGES);
    ObjectNode wire = wire();
    MarketRow active = market(wire);
    upsert(active);
    PositionBatch<MarketRow> first = markets.read(db.dataSource(), Position.START, 10);
    assertThat(first.values()).containsExactly(active);

    upsert(active);
    assertThat(markets.read(db.dataSource(), first.next(), 10).values()).isEmpty();

    ObjectNode closedWire = wire.deepCopy();
    closedWire.put("status", "closed").put("updated_time", "2026-11-26T05:00:00Z");
    MarketRow closed = market(closedWire);
    upsert(closed);

    assertThat(markets.read(db.dataSource(), first.next(), 10).values()).containsExactly(closed);
    assertThat(history.read(db.dataSource(), Position.START, 10).values())
        .extracting(MarketStatusChange::newStatus)
        .containsExactly("active", "closed");
  }

  private MetadataWriteResult upsert(MarketRow... rows) throws SQLException {
    return GathererStore.inTransaction(
        db.dataSource(), c -> writer.upsertMarkets(c, List.of(rows), "a", SEEN));
  }

  private static ObjectNode wire() throws IOException {
    try (InputStream in = MetadataWriterTest.class.getResourceAsStream("/wire/market.json")) {
      return (ObjectNode) KalshiJson.mapper().readTree(in);
    }
  }

  private static MarketRow market(JsonNode wire) throws IOException {
    return MetadataAdapters.market(KalshiJson.mapper().treeToValue(wire, Market.class), wire);
  }
}
