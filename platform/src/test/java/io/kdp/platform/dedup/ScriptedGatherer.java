package io.kdp.platform.dedup;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.store.GathererStore;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TradeRow;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.ConnectionWatermarks;
import io.kdp.store.writer.CopyWriter;
import io.kdp.store.writer.StreamWatermarks;
import io.kdp.store.writer.TradeWriter;
import io.kdp.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one gatherer records of a minute of a small exchange, stored through the store's real
 * writers into a migrated gatherer database: one orderbook subscription (fresh snapshots of every
 * market, then a delta every 100 ms on alternating markets and sides), a trade with every fifth
 * delta, and the stream watermark a running gatherer would assert afterwards.
 */
record ScriptedGatherer(
    String name, List<SnapshotRow> snapshots, List<DeltaRow> deltas, List<TradeRow> trades) {

  static final List<String> MARKETS = List.of("KXARCH-26NOV25-A", "KXARCH-26NOV25-B");

  /** {@code count} deltas from {@code startMicros}, as gatherer {@code name} received them. */
  static ScriptedGatherer record(String name, long startMicros, int count) {
    List<SnapshotRow> snapshots = new ArrayList<>();
    List<DeltaRow> deltas = new ArrayList<>();
    List<TradeRow> trades = new ArrayList<>();
    long seq = 0;
    for (String m : MARKETS) {
      snapshots.add(
          new SnapshotRow(
              m,
              FeedSource.WS,
              List.<Level>of(),
              List.<Level>of(),
              KalshiWsMessage.NO_TIME,
              startMicros,
              new Provenance(name, 1, 1, ++seq)));
    }
    for (int i = 1; i <= count; i++) {
      long t = startMicros + i * 100_000L;
      String market = MARKETS.get(i % MARKETS.size());
      Side side = (i / MARKETS.size()) % 2 == 0 ? Side.YES : Side.NO;
      long price = 10_000L * (1 + i % 20);
      Provenance p = new Provenance(name, 1, 1, ++seq);
      deltas.add(new DeltaRow(market, side, price, 100, t, t + 2_000, p));
      if (i % 5 == 0) {
        trades.add(
            new TradeRow(
                "trade-" + i,
                market,
                price,
                1_000_000 - price,
                100,
                Side.YES,
                Side.YES,
                "ask",
                false,
                FeedSource.WS,
                t,
                t + 2_000,
                new Provenance(name, 99, 7, 0)));
      }
    }
    return new ScriptedGatherer(name, snapshots, deltas, trades);
  }

  /** A fresh gatherer database with its time-series and metadata schemas. */
  static void migrate(TestDatabase db) throws SQLException {
    Migrations.migrateTimeSeries(db.dataSource(), Retention.defaults());
    Migrations.migrateMetadata(db.dataSource());
  }

  /**
   * Stores every row, then advances the watermark to {@code completeThroughMicros}: the gatherer,
   * quiet after its last row, asserts it has everything up to then, for the process and for its one
   * book connection (1).
   */
  void store(TestDatabase db, long completeThroughMicros) throws SQLException {
    GathererStore.inTransaction(
        db.dataSource(), c -> new CopyWriter<>(Tables.SNAPSHOTS).write(c, snapshots));
    GathererStore.inTransaction(
        db.dataSource(), c -> new CopyWriter<>(Tables.DELTAS).write(c, deltas));
    GathererStore.inTransaction(db.dataSource(), c -> new TradeWriter().write(c, trades));
    GathererStore.inTransaction(
        db.dataSource(),
        c -> {
          StreamWatermarks.advance(c, name, completeThroughMicros);
          ConnectionWatermarks.write(
              c,
              name,
              List.of(new ConnectionWatermarks.Mark(1, completeThroughMicros, false)),
              completeThroughMicros);
          return null;
        });
  }
}
