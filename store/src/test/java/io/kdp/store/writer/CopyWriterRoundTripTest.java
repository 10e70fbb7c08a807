package io.kdp.store.writer;

import static io.kdp.store.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.model.Side;
import io.kdp.client.ws.message.KalshiWsMessage;
import io.kdp.store.GathererStore;
import io.kdp.store.Rows;
import io.kdp.store.StoreDatabases;
import io.kdp.store.position.Position;
import io.kdp.store.position.PositionCursor;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.QuarantinedFrame;
import io.kdp.store.row.SnapshotRow;
import io.kdp.store.row.TickerRow;
import io.kdp.store.table.Tables;
import io.kdp.store.table.TimeSeriesTable;
import io.kdp.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class CopyWriterRoundTripTest {

  private TestDatabase db;

  @BeforeEach
  void migrate() throws SQLException {
    db = StoreDatabases.migrated();
  }

  @Test
  void deltasRoundTripExactly() throws SQLException {
    // 20,000 rows: several 64 KiB flushes; edge values included
    List<DeltaRow> rows = new ArrayList<>(Rows.deltas(20_000));
    rows.add(
        new DeltaRow(
            "KX-ÉTÉ-€",
            Side.NO,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            -1,
            0,
            new Provenance("gatherer-ü", Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE)));
    assertThat(write(Tables.DELTAS, rows)).isEqualTo(rows.size());

    assertThat(readAll(Tables.DELTAS)).isEqualTo(rows);
  }

  @Test
  void snapshotsRoundTripWithLevelsAndEmptySides() throws SQLException {
    List<SnapshotRow> rows =
        List.of(
            Rows.snapshot("FED-23DEC-T3.00", FeedSource.WS, T0),
            Rows.snapshot("FED-23DEC-T3.00", FeedSource.REST, T0 + 60_000_000),
            new SnapshotRow(
                "EMPTY-BOOK",
                FeedSource.WS,
                List.of(),
                List.of(),
                KalshiWsMessage.NO_TIME,
                T0 + 1,
                Rows.ws("a", 2)));
    write(Tables.SNAPSHOTS, rows);

    assertThat(readAll(Tables.SNAPSHOTS)).isEqualTo(rows);
  }

  @Test
  void tickersRoundTripExactly() throws SQLException {
    List<TickerRow> rows = IntStream.range(0, 500).mapToObj(Rows::ticker).toList();
    write(Tables.TICKERS, rows);

    assertThat(readAll(Tables.TICKERS)).isEqualTo(rows);
  }

  @Test
  void malformedFramesAreKeptWhole() throws SQLException {
    List<QuarantinedFrame> rows =
        List.of(
            new QuarantinedFrame(
                1, "a", 7, "{\"type\":\"orderbook_delta\",\"msg\":{", null, "truncated JSON", T0),
            new QuarantinedFrame(
                2,
                "a",
                7,
                "{\"type\":\"multivariate_lookup\",\"msg\":{\"x\":\"ñ\"}}",
                "multivariate_lookup",
                "unknown type: multivariate_lookup",
                T0 + 1));
    write(Tables.QUARANTINE, rows);

    assertThat(readAll(Tables.QUARANTINE)).isEqualTo(rows);
  }

  @Test
  void aRowLargerThanTheCopyBufferRoundTrips() throws SQLException {
    String big = "{\"type\":\"x\",\"msg\":\"" + "é€".repeat(150_000) + "\"}";
    List<QuarantinedFrame> rows =
        List.of(
            new QuarantinedFrame(1, "a", 1, "small", null, "r", T0),
            new QuarantinedFrame(2, "a", 1, big, "x", "unknown type: x", T0 + 1),
            new QuarantinedFrame(3, "a", 1, "after", null, "r", T0 + 2));
    write(Tables.QUARANTINE, rows);

    assertThat(readAll(Tables.QUARANTINE)).isEqualTo(rows);
  }

  @Test
  void aNulCharacterIsReplacedNotFatal() throws SQLException {
    write(Tables.QUARANTINE, List.of(new QuarantinedFrame(0, "a", 1, "x\u0000y", null, "nul", T0)));

    assertThat(readAll(Tables.QUARANTINE).getFirst().frame()).isEqualTo("x\uFFFDy");
  }

  @Test
  void aFailingRowFailsTheWholeBatch() throws SQLException {
    List<DeltaRow> rows = new ArrayList<>(Rows.deltas(10));
    rows.add(new DeltaRow(null, Side.YES, 1, 1, T0, T0, Rows.ws("a", 1)));

    assertThatThrownBy(() -> write(Tables.DELTAS, rows))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23502"));
    assertThat(readAll(Tables.DELTAS)).isEmpty();
    write(Tables.DELTAS, rows.subList(0, 10));
    assertThat(readAll(Tables.DELTAS)).isEqualTo(rows.subList(0, 10));
  }

  private <R> long write(TimeSeriesTable<R> table, List<R> rows) throws SQLException {
    return GathererStore.inTransaction(
        db.dataSource(), c -> new CopyWriter<>(table).write(c, rows));
  }

  private <R> List<R> readAll(TimeSeriesTable<R> table) throws SQLException {
    return new PositionCursor<>(table).read(db.dataSource(), Position.START, 1_000_000).values();
  }
}
