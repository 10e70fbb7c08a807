package io.kdp.store;

import static io.kdp.store.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kdp.store.position.Position;
import io.kdp.store.position.PositionCursor;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.schema.PartitionedEngine;
import io.kdp.store.schema.Retention;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.TradeWriteResult;
import io.kdp.testkit.DedicatedPostgres;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class GathererStoreTest {

  @Test
  void opensMigratesWritesEveryTableAndRunsMaintenance() throws Exception {
    TestDatabase ts = SharedPostgres.createDatabase();
    TestDatabase md = SharedPostgres.createDatabase();
    StoreConfig config =
        new StoreConfig(
            ts.jdbcUrl(), md.jdbcUrl(), null, null, 2, Retention.defaults(), Duration.ofHours(1));

    try (GathererStore store = GathererStore.open(config, InstantSource.system())) {
      assertThat(store.engine()).isInstanceOf(PartitionedEngine.class);
      assertThat(List.of(store.nextConnectionId(), store.nextConnectionId()))
          .containsExactly(1L, 2L);
      assertThat(store.writeDeltas(Rows.deltas(100))).isEqualTo(100);
      assertThat(store.writeSnapshots(List.of(Rows.snapshot("M", FeedSource.REST, T0))))
          .isEqualTo(1);
      assertThat(store.writeTickers(List.of(Rows.ticker(1)))).isEqualTo(1);
      assertThat(store.writeTrades(List.of(Rows.trade("a", "t", FeedSource.WS, T0))))
          .isEqualTo(new TradeWriteResult(1, 0));
      assertThat(store.openGaps(List.of(SequenceGapRow.open("a", 7, 2, 4, 6, List.of("M"), T0))))
          .isEqualTo(1);
      assertThat(store.closeGaps("a", 7, 2, T0 + 5)).isEqualTo(1);

      assertThat(read(store, Tables.DELTAS)).isEqualTo(Rows.deltas(100));
      assertThat(read(store, Tables.TICKERS)).containsExactly(Rows.ticker(1));
      await("maintenance ran at start")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                try (Connection c = store.timeseries().getConnection()) {
                  assertThat(PartitionedEngine.days(c, "orderbook_deltas")).hasSize(5);
                }
              });
      assertThat(store.maintenance().failures()).isZero();
    }
  }

  @Test
  void writesFailWhileTheDatabaseIsDownAndSucceedAfterItReturns() throws Exception {
    try (DedicatedPostgres pg = DedicatedPostgres.open()) {
      TestDatabase db = pg.createDatabase();
      StoreConfig config =
          new StoreConfig(
              db.jdbcUrl(), db.jdbcUrl(), null, null, 2, Retention.defaults(), Duration.ofHours(1));
      try (GathererStore store = GathererStore.open(config, InstantSource.system())) {
        List<DeltaRow> before = Rows.deltas(10);
        store.writeDeltas(before);

        pg.stop();
        assertThatThrownBy(() -> store.writeDeltas(Rows.deltas(5)))
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));

        pg.start();
        List<DeltaRow> after = new ArrayList<>();
        await("writes succeed again once PostgreSQL is back")
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptionsInstanceOf(SQLException.class)
            .until(
                () -> {
                  store.writeDeltas(List.of(Rows.delta(99)));
                  after.add(Rows.delta(99));
                  return true;
                });

        List<DeltaRow> expected = new ArrayList<>(before);
        expected.addAll(after);
        assertThat(read(store, Tables.DELTAS)).isEqualTo(expected);
      }
    }
  }

  @Test
  void configNeverPrintsThePassword() {
    StoreConfig config =
        new StoreConfig(
            "jdbc:postgresql://h/db?user=u&password=hunter2",
            "jdbc:postgresql://h/md",
            "u",
            "hunter2",
            1,
            Retention.defaults(),
            Duration.ofMinutes(5));

    assertThat(config.toString()).doesNotContain("hunter2").contains("password=***");
  }

  private static <R> List<R> read(GathererStore store, io.kdp.store.table.TimeSeriesTable<R> t)
      throws SQLException {
    return new PositionCursor<>(t).read(store.timeseries(), Position.START, 10_000).values();
  }
}
