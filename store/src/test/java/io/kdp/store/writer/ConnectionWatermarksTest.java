package io.kdp.store.writer;

import static io.kdp.store.Rows.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.store.GathererStore;
import io.kdp.store.StoreDatabases;
import io.kdp.store.writer.ConnectionWatermarks.Mark;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ConnectionWatermarksTest {

  private static final long DAY = 24L * 3600 * 1_000_000;

  @Test
  void watermarksMoveForwardUntrackedConnectionsCloseAndOldClosedOnesGo() throws Exception {
    TestDatabase db = StoreDatabases.migrated();
    write(db, "a", List.of(new Mark(1, T0 + 10, false), new Mark(2, T0 + 20, false)), T0 + 20);
    write(db, "b", List.of(new Mark(1, T0 + 5, false)), T0 + 5);
    // connection 1 of a went quiet; 2 ended (not tracked any more); 3 is new
    write(db, "a", List.of(new Mark(1, T0 + 8, false), new Mark(3, T0 + 30, false)), T0 + 30);

    try (Connection c = db.connect()) {
      assertThat(ConnectionWatermarks.read(c, "a"))
          .isEqualTo(
              Map.of(
                  1L, new Mark(1, T0 + 10, false),
                  2L, new Mark(2, T0 + 20, true),
                  3L, new Mark(3, T0 + 30, false)));
      assertThat(ConnectionWatermarks.read(c, "b"))
          .isEqualTo(Map.of(1L, new Mark(1, T0 + 5, false)));
    }

    write(db, "a", List.of(new Mark(3, T0 + 8 * DAY, true)), T0 + 8 * DAY);

    try (Connection c = db.connect()) {
      assertThat(ConnectionWatermarks.read(c, "a"))
          .as("closed a week before: dropped; a closed row stays closed")
          .isEqualTo(Map.of(3L, new Mark(3, T0 + 8 * DAY, true)));
    }
  }

  private static void write(TestDatabase db, String gatherer, List<Mark> marks, long now)
      throws Exception {
    GathererStore.inTransaction(
        db.dataSource(),
        c -> {
          ConnectionWatermarks.write(c, gatherer, marks, now);
          return null;
        });
  }
}
