package io.kdp.store.writer;

import static io.kdp.store.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.store.GathererStore;
import io.kdp.store.Rows;
import io.kdp.store.StoreDatabases;
import io.kdp.store.position.Position;
import io.kdp.store.position.PositionCursor;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.TradeRow;
import io.kdp.store.table.Tables;
import io.kdp.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class TradeWriterTest {

  private TestDatabase db;

  @BeforeEach
  void migrate() throws SQLException {
    db = StoreDatabases.migrated();
  }

  @Test
  void tradesRoundTripExactly() throws SQLException {
    List<TradeRow> rows =
        List.of(
            Rows.trade("a", "d91bc706-ee49-470d-82d8-11418bda6fed", FeedSource.WS, T0),
            Rows.trade("a", "1f0c9e1e-0000-4000-8000-000000000002", FeedSource.REST, T0 + 1));

    assertThat(write(rows)).isEqualTo(new TradeWriteResult(2, 0));
    assertThat(readAll()).isEqualTo(rows);
  }

  @Test
  void aRepeatedTradeIsStoredOnceAndTheRestOfTheBatchIsKept() throws SQLException {
    TradeRow first = Rows.trade("a", "t-1", FeedSource.WS, T0);
    TradeRow second = Rows.trade("a", "t-2", FeedSource.WS, T0 + 1);
    write(List.of(first));

    // REST back-fill overlapping the feed, with a repeat inside the batch too
    TradeRow backfilled = Rows.trade("a", "t-1", FeedSource.REST, T0 + 5);
    TradeRow third = Rows.trade("a", "t-3", FeedSource.REST, T0 + 6);
    TradeWriteResult result = write(List.of(backfilled, second, third, second));

    assertThat(result).isEqualTo(new TradeWriteResult(2, 2));
    assertThat(readAll()).isEqualTo(List.of(first, second, third));
  }

  @Test
  void uniquenessIsPerGatherer() throws SQLException {
    TradeRow a = Rows.trade("a", "t-1", FeedSource.WS, T0);
    TradeRow b = Rows.trade("b", "t-1", FeedSource.WS, T0 + 1);

    assertThat(write(List.of(a, b))).isEqualTo(new TradeWriteResult(2, 0));
    assertThat(write(List.of(b))).isEqualTo(new TradeWriteResult(0, 1));
    assertThat(readAll()).isEqualTo(List.of(a, b));
  }

  @Test
  void twoBatchesInOneTransactionDoNotSeeEachOthersStaging() throws SQLException {
    TradeRow one = Rows.trade("a", "t-1", FeedSource.WS, T0);
    TradeRow two = Rows.trade("a", "t-2", FeedSource.WS, T0 + 1);
    TradeWriter writer = new TradeWriter();

    List<TradeWriteResult> results =
        GathererStore.inTransaction(
            db.dataSource(),
            c -> List.of(writer.write(c, List.of(one)), writer.write(c, List.of(one, two))));

    assertThat(results).containsExactly(new TradeWriteResult(1, 0), new TradeWriteResult(1, 1));
    assertThat(readAll()).isEqualTo(List.of(one, two));
  }

  private TradeWriteResult write(List<TradeRow> rows) throws SQLException {
    return GathererStore.inTransaction(db.dataSource(), c -> new TradeWriter().write(c, rows));
  }

  private List<TradeRow> readAll() throws SQLException {
    return new PositionCursor<>(Tables.TRADES).read(db.dataSource(), Position.START, 1000).values();
  }
}
