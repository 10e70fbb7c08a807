package io.kdp.gatherer.registry;

import io.kdp.client.json.KalshiJson;
import io.kdp.client.rest.wire.EventData;
import io.kdp.client.rest.wire.Market;
import io.kdp.store.GathererStore;
import io.kdp.store.row.EventRow;
import io.kdp.store.row.MarketRow;
import io.kdp.store.row.MetadataAdapters;
import io.kdp.store.writer.MetadataWriter;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Writes markets and events to the metadata database, one transaction per batch. */
final class MetadataStore {

  private final DataSource ds;
  private final String gatherer;
  private final InstantSource clock;
  private final MetadataWriter writer = new MetadataWriter();

  MetadataStore(DataSource ds, String gatherer, InstantSource clock) {
    this.ds = ds;
    this.gatherer = gatherer;
    this.clock = clock;
  }

  void markets(List<Market> markets) throws SQLException {
    List<MarketRow> rows = new ArrayList<>(markets.size());
    for (Market m : markets) {
      rows.add(MetadataAdapters.market(m, KalshiJson.mapper().valueToTree(m)));
    }
    GathererStore.inTransaction(ds, c -> writer.upsertMarkets(c, rows, gatherer, clock.instant()));
  }

  void events(List<EventData> events) throws SQLException {
    List<EventRow> rows = new ArrayList<>(events.size());
    for (EventData e : events) {
      EventData bare =
          new EventData(
              e.eventTicker(),
              e.seriesTicker(),
              e.subTitle(),
              e.title(),
              e.collateralReturnType(),
              e.mutuallyExclusive(),
              e.category(),
              e.strikeDate(),
              e.strikePeriod(),
              null,
              e.availableOnBrokers(),
              e.productMetadata(),
              e.lastUpdatedTs());
      rows.add(MetadataAdapters.event(bare, KalshiJson.mapper().valueToTree(bare)));
    }
    GathererStore.inTransaction(ds, c -> writer.upsertEvents(c, rows, gatherer, clock.instant()));
  }
}
