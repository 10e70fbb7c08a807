package io.kdp.gatherer.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kdp.gatherer.connection.ChannelGap;
import io.kdp.store.GathererStore;
import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import io.kdp.store.writer.SequenceGapWriter;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Healed channel gaps close their own {@code sequence_gaps} rows, also when the rows are stored
 * after the heal and two gaps of one stream heal before either row is stored.
 */
@Timeout(60)
class GapRowCloserTest {

  static final long CONN = 42;
  static final long T0 = 1_764_072_000_000_000L;

  @Test
  void eachHealClosesItsOwnRowWhenTheRowsAreStoredLate() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    Migrations.migrateTimeSeries(db.dataSource(), Retention.defaults());
    ChannelGap early = new ChannelGap(CONN, 1, 96, T0 + 1_000);
    ChannelGap late = new ChannelGap(CONN, 1, 120, T0 + 2_000);
    try (GapRowCloser closer = new GapRowCloser(db.dataSource(), "a", InstantSource.system())) {
      // the later gap heals first (and retries first, on the closer's one thread): it must not
      // take the earlier gap's row for its own
      closer.healed(late);
      closer.healed(early);
      store(db, row(1, 95, 96, T0 + 1_000), row(2, 95, 96, T0 + 1_000));
      await("the early gap's row closed")
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(open(db)).containsExactly("2:96"));
      store(db, row(1, 119, 120, T0 + 2_000));
      await("the late gap's row closed too, after it was stored")
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(open(db)).containsExactly("2:96"));
    }
  }

  private static SequenceGapRow row(int sid, long expected, long received, long detectedAt) {
    return SequenceGapRow.open("a", CONN, sid, expected, received, List.of(), detectedAt);
  }

  private static void store(TestDatabase db, SequenceGapRow... rows) throws Exception {
    GathererStore.inTransaction(
        db.dataSource(), c -> new SequenceGapWriter().open(c, List.of(rows)));
  }

  /** Open gap rows as "sid:received_seq", by sid then seq. */
  private static List<String> open(TestDatabase db) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT sid || ':' || received_seq FROM sequence_gaps"
                        + " WHERE recovered_at IS NULL ORDER BY sid DESC, received_seq")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
