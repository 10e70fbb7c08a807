package io.kdp.store.writer;

import static io.kdp.store.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.store.GathererStore;
import io.kdp.store.StoreDatabases;
import io.kdp.store.position.Position;
import io.kdp.store.position.PositionBatch;
import io.kdp.store.position.PositionCursor;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.table.Tables;
import io.kdp.testkit.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SequenceGapWriterTest {

  @Test
  void gapsOpenAndCloseAndTheCursorSeesTheClosedRowAgain() throws SQLException {
    TestDatabase db = StoreDatabases.migrated();
    SequenceGapWriter writer = new SequenceGapWriter();
    PositionCursor<SequenceGapRow> cursor = new PositionCursor<>(Tables.SEQUENCE_GAPS);
    SequenceGapRow gap = SequenceGapRow.open("a", 7, 2, 10, 13, List.of("M-1", "M-2"), T0);
    SequenceGapRow other = SequenceGapRow.open("a", 7, 3, 5, 6, List.of(), T0 + 1);

    GathererStore.inTransaction(db.dataSource(), c -> writer.open(c, List.of(gap, other)));
    PositionBatch<SequenceGapRow> opened = cursor.read(db.dataSource(), Position.START, 100);

    assertThat(opened.values())
        .containsExactly(
            withId(gap, 1, SequenceGapRow.OPEN), withId(other, 2, SequenceGapRow.OPEN));

    int closed =
        GathererStore.inTransaction(db.dataSource(), c -> writer.close(c, "a", 7, 2, T0 + 900));
    int closedAgain =
        GathererStore.inTransaction(db.dataSource(), c -> writer.close(c, "a", 7, 2, T0 + 999));

    assertThat(closed).isEqualTo(1);
    assertThat(closedAgain).isZero();
    assertThat(cursor.read(db.dataSource(), opened.next(), 100).values())
        .containsExactly(withId(gap, 1, T0 + 900));
  }

  private static SequenceGapRow withId(SequenceGapRow r, long id, long recoveredAt) {
    return new SequenceGapRow(
        id,
        r.gatherer(),
        r.connectionId(),
        r.sid(),
        r.expectedSeq(),
        r.receivedSeq(),
        r.markets(),
        r.detectedAtMicros(),
        recoveredAt);
  }
}
