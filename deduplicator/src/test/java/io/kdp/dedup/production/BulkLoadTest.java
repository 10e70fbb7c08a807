package io.kdp.dedup.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.client.ws.message.Level;
import io.kdp.dedup.Fixture;
import io.kdp.dedup.book.BookRow;
import io.kdp.dedup.merge.MergedRow;
import io.kdp.store.GathererStore;
import io.kdp.store.production.ProductionStore;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.SnapshotRow;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The two ways merged book rows reach production, binary COPY (straight into the table, through a
 * staging table when a row is already there) and unnest arrays, write the same rows, idempotently
 * (a batch written again, in part or whole, adds only what is new), keeping identical consecutive
 * deltas apart by their seq.
 */
@Timeout(60)
class BulkLoadTest {

  private static final long T = 1_795_608_000_000_000L;

  private static DeltaRow delta(long seq, long exchangeTime, long price, long size) {
    return new DeltaRow(
        "KXTEST-M1",
        Side.YES,
        price,
        size,
        exchangeTime,
        T + seq * 10,
        new Provenance("b", 7, 3, seq));
  }

  private static final List<MergedRow> ROWS =
      List.of(
          new MergedRow.Resync("KXTEST-M1", T, "b", List.of(new Level(410_000, 5_000)), List.of()),
          new MergedRow.Copied(
              new BookRow.Timed(
                  new BookRow.Snapshot(
                      new SnapshotRow(
                          "KXTEST-M1",
                          FeedSource.WS,
                          List.of(new Level(400_000, 1_000)),
                          List.of(new Level(550_000, 2_000)),
                          KalshiWsMessage.NO_TIME,
                          T + 5,
                          new Provenance("b", 7, 3, 10))),
                  T + 5)),
          new MergedRow.Copied(
              new BookRow.Timed(new BookRow.Delta(delta(11, T + 100, 400_000, 300)), T + 100)),
          new MergedRow.Copied(
              new BookRow.Timed(new BookRow.Delta(delta(12, T + 100, 400_000, 300)), T + 100)),
          new MergedRow.Copied(
              new BookRow.Timed(
                  new BookRow.Delta(delta(13, KalshiWsMessage.NO_TIME, 550_000, -2_000)),
                  T + 100)));

  @Test
  void copyAndArraysWriteTheSameRowsOnce() throws Exception {
    List<String> copy = written(BulkLoad.COPY);
    List<String> arrays = written(BulkLoad.ARRAYS);
    assertThat(copy)
        .containsExactly(
            "2026-11-25 12:00:00.0001+00|yes|400000|300|2026-11-25 12:00:00.0001+00|2026-11-25"
                + " 12:00:00.00011+00|b|7|3|11",
            "2026-11-25 12:00:00.0001+00|yes|400000|300|2026-11-25 12:00:00.0001+00|2026-11-25"
                + " 12:00:00.00012+00|b|7|3|12",
            "2026-11-25 12:00:00.0001+00|yes|550000|-2000|null|2026-11-25 12:00:00.00013+00|b|7|3|13",
            "snapshots|2");
    assertThat(arrays).isEqualTo(copy);
  }

  @Test
  void aBatchPartlyInProductionOrHoldingADeltaTwiceAddsEachNewDeltaOnce() throws Exception {
    List<MergedRow> all =
        java.util.stream.IntStream.range(0, 5_000)
            .mapToObj(
                i ->
                    (MergedRow)
                        new MergedRow.Copied(
                            new BookRow.Timed(
                                new BookRow.Delta(delta(100 + i, T + i, 400_000, 100 + i)), T + i)))
            .toList();
    List<MergedRow> twice = new java.util.ArrayList<>(all.subList(0, 50));
    twice.add(all.get(7)); // the same delta twice in one batch, nothing of it in production yet
    // production already holds a run in the middle: the straight COPY is refused part way through
    List<List<MergedRow>> writes = List.of(twice, all.subList(2_000, 3_000), all, all);

    List<String> copy = deltasAfter(BulkLoad.COPY, writes);
    assertThat(copy).hasSize(5_000);
    assertThat(copy.getFirst())
        .isEqualTo(
            "2026-11-25 12:00:00+00|yes|400000|100|2026-11-25 12:00:00+00|2026-11-25"
                + " 12:00:00.001+00|b|7|3|100");
    assertThat(copy.getLast())
        .isEqualTo(
            "2026-11-25 12:00:00.004999+00|yes|400000|5099|2026-11-25 12:00:00.004999+00|2026-11-25"
                + " 12:00:00.05099+00|b|7|3|5099");
    assertThat(deltasAfter(BulkLoad.ARRAYS, writes)).isEqualTo(copy);
  }

  private static List<String> deltasAfter(BulkLoad load, List<List<MergedRow>> writes)
      throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    ProductionStore.migrate(db.dataSource());
    ProductionWriter writer = new ProductionWriter(load);
    for (List<MergedRow> w : writes) {
      GathererStore.inTransaction(db.dataSource(), c -> writer.writeBook(c, w));
    }
    try (Connection c = db.connect()) {
      return Fixture.rows(
          c,
          "SELECT time, side, price, delta, exchange_time, received_at, gatherer, connection_id,"
              + " sid, seq FROM orderbook_deltas ORDER BY seq");
    }
  }

  private static List<String> written(BulkLoad load) throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    ProductionStore.migrate(db.dataSource());
    ProductionWriter writer = new ProductionWriter(load);
    for (int i = 0; i < 2; i++) {
      GathererStore.inTransaction(db.dataSource(), c -> writer.writeBook(c, ROWS));
    }
    try (Connection c = db.connect()) {
      List<String> rows =
          new java.util.ArrayList<>(
              Fixture.rows(
                  c,
                  "SELECT time, side, price, delta, exchange_time, received_at, gatherer,"
                      + " connection_id, sid, seq FROM orderbook_deltas ORDER BY seq"));
      rows.add(
          "snapshots|" + Fixture.rows(c, "SELECT count(*) FROM orderbook_snapshots").getFirst());
      return rows;
    }
  }
}
