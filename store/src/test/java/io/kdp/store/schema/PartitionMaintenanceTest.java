package io.kdp.store.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Side;
import io.kdp.store.GathererStore;
import io.kdp.store.Rows;
import io.kdp.store.StoreDatabases;
import io.kdp.store.position.Position;
import io.kdp.store.position.PositionCursor;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.QuarantinedFrame;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.CopyWriter;
import io.kdp.store.writer.SequenceGapWriter;
import io.kdp.store.writer.TradeWriter;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PartitionMaintenanceTest {

  private static final Instant NOW = Instant.parse("2030-03-10T12:00:00Z");
  private static final long DAY_MICROS = 86_400_000_000L;

  private TestDatabase db;

  @BeforeEach
  void migrate() throws SQLException {
    db = StoreDatabases.migrated();
  }

  @Test
  void createsDaysAheadMovesStragglersOutOfDefaultAndDropsPastRetention() throws SQLException {
    DeltaRow early = deltaAt(micros("2030-03-11T05:00:00Z"), 1);
    DeltaRow ancient = deltaAt(micros("2029-01-01T00:00:00Z"), 2);
    write(List.of(early, ancient));
    Position earlyPosition = positionOf(early);
    assertThat(partitionOf(early)).isEqualTo("orderbook_deltas_default");

    MaintenanceReport first = maintenance(NOW).runOnce();

    List<String> expectedDays = List.of("20300309", "20300310", "20300311", "20300312", "20300313");
    assertThat(first.created())
        .containsExactlyElementsOf(
            Tables.PARTITIONED.stream()
                .flatMap(t -> expectedDays.stream().map(d -> t + "_p" + d))
                .toList());
    // the partitions the migration made for the real today are long past retention at NOW
    assertThat(first.dropped()).hasSize(4 * 5).allMatch(n -> n.matches(".*_p2026\\d{4}"));
    assertThat(first.rowsTrimmed()).isEqualTo(1); // `ancient`, from the default partition
    try (Connection c = db.connect()) {
      assertThat(PartitionedEngine.days(c, "orderbook_deltas"))
          .containsExactly(
              LocalDate.of(2030, 3, 9),
              LocalDate.of(2030, 3, 10),
              LocalDate.of(2030, 3, 11),
              LocalDate.of(2030, 3, 12),
              LocalDate.of(2030, 3, 13));
    }
    assertThat(partitionOf(early)).isEqualTo("orderbook_deltas_p20300311");
    assertThat(positionOf(early)).isEqualTo(earlyPosition);
    assertThat(readAll()).containsExactly(early);

    MaintenanceReport again = maintenance(NOW).runOnce();
    assertThat(again).isEqualTo(new MaintenanceReport(List.of(), List.of(), List.of(), 0));

    MaintenanceReport later = maintenance(NOW.plusSeconds(9 * 86_400)).runOnce();
    // cutoff 2030-03-12T12:00Z: days ending by then are dropped, 03-18..03-22 created
    assertThat(later.dropped())
        .contains("orderbook_deltas_p20300309", "orderbook_deltas_p20300311")
        .doesNotContain("orderbook_deltas_p20300312");
    assertThat(later.created()).contains("trades_p20300318", "trades_p20300322");
    assertThat(readAll()).isEmpty();
  }

  @Test
  void plainTablesAreTrimmedPastRetention() throws SQLException {
    long old = micros("2030-03-01T00:00:00Z");
    long recent = micros("2030-03-09T00:00:00Z");
    GathererStore.inTransaction(
        db.dataSource(),
        c -> {
          new TradeWriter()
              .write(
                  c,
                  List.of(
                      Rows.trade("a", "old", FeedSource.WS, old),
                      Rows.trade("a", "recent", FeedSource.WS, recent)));
          SequenceGapWriter gaps = new SequenceGapWriter();
          gaps.open(c, List.of(SequenceGapRow.open("a", 1, 1, 5, 9, List.of("M"), old)));
          gaps.open(c, List.of(SequenceGapRow.open("a", 1, 2, 5, 9, List.of("M"), old)));
          gaps.close(c, "a", 1, 1, old + DAY_MICROS);
          new CopyWriter<>(Tables.QUARANTINE)
              .write(
                  c,
                  List.of(
                      new QuarantinedFrame(0, "a", 1, "{", null, "bad", old),
                      new QuarantinedFrame(0, "a", 1, "[", null, "bad", recent)));
          return null;
        });

    MaintenanceReport report = maintenance(NOW).runOnce();

    // trade "old" (from trades_default) and its id, the gap closed on 03-02 (the open one
    // stays), the old frame
    assertThat(report.rowsTrimmed()).isEqualTo(4);
    try (Connection c = db.connect()) {
      assertThat(TradeWriter.count(c, "a")).isEqualTo(1);
    }
    assertThat(
            new PositionCursor<>(Tables.SEQUENCE_GAPS)
                .read(db.dataSource(), Position.START, 10).values().stream()
                    .map(SequenceGapRow::sid))
        .containsExactly(2);
    assertThat(
            new PositionCursor<>(Tables.QUARANTINE)
                .read(db.dataSource(), Position.START, 10).values().stream()
                    .map(QuarantinedFrame::frame))
        .containsExactly("[");
  }

  private StoreMaintenance maintenance(Instant now) {
    return new StoreMaintenance(
        db.dataSource(),
        new PartitionedEngine(Retention.defaults()),
        Retention.defaults(),
        InstantSource.fixed(now));
  }

  private void write(List<DeltaRow> rows) throws SQLException {
    GathererStore.inTransaction(
        db.dataSource(), c -> new CopyWriter<>(Tables.DELTAS).write(c, rows));
  }

  private List<DeltaRow> readAll() throws SQLException {
    return new PositionCursor<>(Tables.DELTAS).read(db.dataSource(), Position.START, 100).values();
  }

  private String partitionOf(DeltaRow row) throws SQLException {
    return MigrationsTest.strings(
            db,
            "SELECT tableoid::regclass::text FROM orderbook_deltas WHERE seq = "
                + row.provenance().seq())
        .getFirst();
  }

  private Position positionOf(DeltaRow row) throws SQLException {
    return new PositionCursor<>(Tables.DELTAS)
        .read(db.dataSource(), Position.START, 100).rows().stream()
            .filter(p -> p.row().equals(row))
            .findFirst()
            .orElseThrow()
            .position();
  }

  private static DeltaRow deltaAt(long receivedAt, long seq) {
    return new DeltaRow(
        "M", Side.YES, 500_000, 100, receivedAt - 10, receivedAt, Rows.ws("a", seq));
  }

  private static long micros(String iso) {
    return Instant.parse(iso).getEpochSecond() * 1_000_000L;
  }
}
