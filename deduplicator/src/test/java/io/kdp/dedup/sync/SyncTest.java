package io.kdp.dedup.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.client.model.Side;
import io.kdp.dedup.Deduplicator;
import io.kdp.dedup.ExchangeScript;
import io.kdp.dedup.Fixture;
import io.kdp.store.row.FeedSource;
import io.kdp.store.row.Provenance;
import io.kdp.store.row.TradeRow;
import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import io.kdp.store.writer.TradeWriter;
import io.kdp.testkit.DedicatedPostgres;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Following gatherers: commit order, the read-only role, a gatherer that is down. */
@Timeout(120)
class SyncTest {

  @Test
  void aLowerPositionCommittedAfterAHigherOneIsStillMerged() throws Exception {
    TestDatabase a = Fixture.gathererDatabase();
    TestDatabase production = SharedPostgres.createDatabase();
    Fixture.TestClock clock = new Fixture.TestClock(ExchangeScript.t(100));
    try (Deduplicator d =
            Deduplicator.open(
                Fixture.config(production, Map.of("a", a)), clock, new SimpleMeterRegistry());
        Connection slow = a.connect();
        Connection fast = a.connect()) {
      slow.setAutoCommit(false);
      new TradeWriter().write(slow, List.of(trade("t-low", 1))); // lower txid and pos, still open
      fast.setAutoCommit(false);
      new TradeWriter().write(fast, List.of(trade("t-high", 2)));
      fast.commit();
      d.runOnce();
      try (Connection c = production.connect()) {
        assertThat(Fixture.rows(c, "SELECT trade_id FROM trades"))
            .as("t-high is held back while the older transaction is open, never skipped past")
            .isEmpty();
      }
      slow.commit();
      d.runOnce();
      d.runOnce();
      try (Connection c = production.connect()) {
        assertThat(Fixture.rows(c, "SELECT trade_id FROM trades ORDER BY trade_id"))
            .containsExactly("t-high", "t-low");
      }
    }
  }

  @Test
  void theReaderRoleCannotWrite() throws Exception {
    TestDatabase a = Fixture.gathererDatabase();
    try (Connection c = DriverManager.getConnection(Fixture.url(a), Fixture.READER, null)) {
      assertThat(Fixture.rows(c, "SELECT count(*) FROM orderbook_deltas")).containsExactly("0");
      assertThatThrownBy(() -> c.createStatement().execute("DELETE FROM trades"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("read-only");
    }
  }

  @Test
  void aGathererThatIsDownIsSkippedAndMergedWhenItIsBack() throws Exception {
    try (DedicatedPostgres server = DedicatedPostgres.open()) {
      TestDatabase b = server.createDatabase();
      Migrations.migrateTimeSeries(b.dataSource(), Retention.defaults());
      Migrations.migrateMetadata(b.dataSource());
      try (Connection c = b.connect()) {
        ReaderRole.create(c, Fixture.READER, null);
      }
      TestDatabase a = Fixture.gathererDatabase();
      TestDatabase production = SharedPostgres.createDatabase();
      Map<String, TestDatabase> gatherers = new LinkedHashMap<>();
      gatherers.put("a", a);
      gatherers.put("b", b);
      try (Connection c = a.connect()) {
        new TradeWriter().write(c, List.of(trade("t-1", 1)));
      }
      try (Connection c = b.connect()) {
        new TradeWriter().write(c, List.of(trade("t-1", 1), trade("t-2", 2)));
      }
      server.stop();
      Fixture.TestClock clock = new Fixture.TestClock(ExchangeScript.t(100));
      try (Deduplicator d =
          Deduplicator.open(
              Fixture.config(production, gatherers), clock, new SimpleMeterRegistry())) {
        Deduplicator.Cycle down = d.runOnce();
        assertThat(down.read()).containsExactly("a");
        assertThat(down.down()).containsExactly("b");
        assertThat(trades(production)).containsExactly("t-1");
        server.start();
        clock.set(ExchangeScript.t(200)); // past the backoff
        Deduplicator.Cycle up = d.runOnce();
        assertThat(up.read()).containsExactly("a", "b");
        assertThat(trades(production)).containsExactly("t-1", "t-2");
      }
    }
  }

  private static List<String> trades(TestDatabase production) throws SQLException {
    try (Connection c = production.connect()) {
      return Fixture.rows(c, "SELECT trade_id FROM trades ORDER BY trade_id");
    }
  }

  private static TradeRow trade(String id, int i) {
    long t = ExchangeScript.t(i);
    return new TradeRow(
        id,
        "KXTEST-M0",
        420_000,
        580_000,
        1_300,
        Side.YES,
        Side.YES,
        "ask",
        false,
        FeedSource.WS,
        t,
        t + 4_000,
        new Provenance("a", 1, 3, i));
  }
}
