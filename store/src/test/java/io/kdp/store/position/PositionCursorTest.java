package io.kdp.store.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.store.Rows;
import io.kdp.store.StoreDatabases;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.table.Tables;
import io.kdp.store.writer.CopyWriter;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class PositionCursorTest {

  private final CopyWriter<DeltaRow> writer = new CopyWriter<>(Tables.DELTAS);
  private final PositionCursor<DeltaRow> cursor = new PositionCursor<>(Tables.DELTAS);
  private TestDatabase db;

  @BeforeEach
  void migrate() throws SQLException {
    db = StoreDatabases.migrated();
  }

  @Test
  void aRowCommittedAfterAHigherPositionWasReadIsStillRead() throws SQLException {
    DeltaRow r0 = Rows.delta(0);
    DeltaRow r1 = Rows.delta(1);
    DeltaRow r2 = Rows.delta(2);
    try (Connection a = db.connect();
        Connection b = db.connect()) {
      // each session caches its own block of the position sequence (CACHE 100)
      commit(a, r0);
      commit(b, r1);
      PositionBatch<DeltaRow> first = cursor.read(db.dataSource(), Position.START, 100);
      assertThat(first.values()).containsExactly(r0, r1);

      commit(a, r2); // a's next cached pos is below the pos of r1, already read

      PositionBatch<DeltaRow> second = cursor.read(db.dataSource(), first.next(), 100);
      assertThat(second.values()).containsExactly(r2);
      Position readEarlier = first.rows().get(1).position();
      Position committedLater = second.rows().getFirst().position();
      assertThat(committedLater.pos()).isLessThan(readEarlier.pos());
      assertThat(committedLater).isGreaterThan(readEarlier);
    }
  }

  @Test
  void aTransactionInFlightHoldsBackEverythingAfterItUntilItCommits() throws SQLException {
    DeltaRow early = Rows.delta(0);
    DeltaRow slow = Rows.delta(1);
    DeltaRow fast = Rows.delta(2);
    try (Connection a = db.connect();
        Connection b = db.connect()) {
      commit(a, early);
      PositionBatch<DeltaRow> first = cursor.read(db.dataSource(), Position.START, 100);
      assertThat(first.values()).containsExactly(early);

      a.setAutoCommit(false);
      writer.write(a, List.of(slow)); // older transaction, still running
      commit(b, fast); // younger transaction, committed first

      // a cursor on pos or received_at alone would now read `fast` and later miss `slow`
      assertThat(committedRowsAfterPos(first.rows().getFirst().position().pos()))
          .containsExactly(fast);
      PositionBatch<DeltaRow> held = cursor.read(db.dataSource(), first.next(), 100);
      assertThat(held.values()).isEmpty();
      assertThat(held.next()).isEqualTo(first.next());

      a.commit();

      assertThat(cursor.read(db.dataSource(), first.next(), 100).values())
          .containsExactly(slow, fast);
    }
  }

  @Test
  void oneReadReturnsTheRowsBelowATransactionInFlightAndAHorizonThatHoldsItBack()
      throws SQLException {
    DeltaRow early = Rows.delta(0);
    DeltaRow slow = Rows.delta(1);
    DeltaRow fast = Rows.delta(2);
    try (Connection a = db.connect();
        Connection b = db.connect()) {
      commit(b, early);
      a.setAutoCommit(false);
      writer.write(a, List.of(slow));
      long slowTxid = txid(a);
      commit(b, fast);

      PositionBatch<DeltaRow> first = cursor.read(db.dataSource(), Position.START, 100);
      assertThat(first.values()).containsExactly(early);
      assertThat(Long.compareUnsigned(first.horizon(), slowTxid)).isLessThanOrEqualTo(0);
      assertThat(Long.compareUnsigned(first.rows().getFirst().position().txid(), first.horizon()))
          .isNegative();

      PositionBatch<DeltaRow> held = cursor.read(db.dataSource(), first.next(), 100);
      assertThat(held.values()).isEmpty();
      assertThat(held.next()).isEqualTo(first.next());
      assertThat(Long.compareUnsigned(held.horizon(), slowTxid)).isLessThanOrEqualTo(0);

      a.commit();

      PositionBatch<DeltaRow> rest = cursor.read(db.dataSource(), first.next(), 100);
      assertThat(rest.values()).containsExactly(slow, fast);
      assertThat(Long.compareUnsigned(rest.horizon(), rest.next().txid())).isPositive();
    }
  }

  @Test
  void aReadInTheCallersTransactionLeavesItsSettingsAsTheyWere() throws SQLException {
    try (Connection c = db.connect()) {
      commit(c, Rows.delta(0));
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      assertThat(cursor.read(c, Position.START, 100).values()).containsExactly(Rows.delta(0));
      assertThat(setting(c, "enable_sort")).isEqualTo("on");
      c.commit();
    }
  }

  @Test
  void batchesFollowEachOtherWithoutOverlapOrHole() throws SQLException {
    List<DeltaRow> rows = Rows.deltas(1_000);
    try (Connection a = db.connect()) {
      a.setAutoCommit(false);
      writer.write(a, rows.subList(0, 600));
      a.commit();
      writer.write(a, rows.subList(600, 1_000));
      a.commit();
    }
    List<DeltaRow> read = new ArrayList<>();
    List<Position> positions = new ArrayList<>();
    Position at = Position.START;
    PositionBatch<DeltaRow> batch;
    do {
      batch = cursor.read(db.dataSource(), at, 77);
      read.addAll(batch.values());
      batch.rows().forEach(p -> positions.add(p.position()));
      at = batch.next();
    } while (!batch.rows().isEmpty());

    assertThat(read).isEqualTo(rows);
    assertThat(positions).isSorted().doesNotHaveDuplicates();
  }

  private void commit(Connection c, DeltaRow row) throws SQLException {
    c.setAutoCommit(false);
    writer.write(c, List.of(row));
    c.commit();
  }

  private static long txid(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_current_xact_id()::text");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Long.parseUnsignedLong(rs.getString(1));
    }
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?)")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private List<DeltaRow> committedRowsAfterPos(long pos) throws SQLException {
    List<DeltaRow> rows = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT * FROM orderbook_deltas WHERE pos > ? ORDER BY pos")) {
      ps.setLong(1, pos);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(Tables.DELTAS.decode(rs));
        }
      }
    }
    return rows;
  }
}
