package io.kdp.store.production;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Production on plain PostgreSQL (the embedded server has no TimescaleDB): the engine detected and
 * recorded, the time-series tables partitioned by day with default partitions, the candle tables,
 * the time index on trades; {@link ProductionStore#ensureDays} moves a day's rows out of the
 * default partition; compression does nothing; migrating again is a no-op.
 */
@Timeout(120)
class ProductionStorePlainTest {

  @Test
  void plainEngineIsRecordedPartitionedAndKeepsItsDays() throws Exception {
    TestDatabase db = SharedPostgres.createDatabase();
    ProductionStore.migrate(db.dataSource());
    assertThat(ProductionStore.migrate(db.dataSource()).migrationsExecuted).isZero();
    try (Connection c = db.connect()) {
      assertThat(ProductionStore.engine(c)).isEqualTo(ProductionEngine.PARTITIONED);
      assertThat(
              strings(
                  c,
                  "SELECT relname || ' ' || relkind::text FROM pg_class WHERE relname IN ('trades',"
                      + " 'trades_default', 'tickers', 'orderbook_snapshots', 'orderbook_deltas',"
                      + " 'candles_1m', 'candles_1h', 'candles_1d') ORDER BY 1"))
          .containsExactly(
              "candles_1d r",
              "candles_1h r",
              "candles_1m r",
              "orderbook_deltas p",
              "orderbook_snapshots p",
              "tickers p",
              "trades p",
              "trades_default r");
      assertThat(
              strings(
                  c,
                  "SELECT indexdef FROM pg_indexes WHERE tablename = 'trades' ORDER BY indexname"))
          .containsExactly(
              "CREATE INDEX trades_market_time ON ONLY public.trades USING btree (market, \"time\")",
              "CREATE INDEX trades_time ON ONLY public.trades USING btree (\"time\")");
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO trades (time, trade_id, market, yes_price, no_price, count, block_trade,"
                + " received_at, source, gatherer) VALUES ('2030-03-07T12:00:00Z', 't1', 'M',"
                + " 400000, 600000, 100, false, '2030-03-07T12:00:00Z', 'ws', 'a')");
      }
      c.setAutoCommit(false);
      assertThat(ProductionStore.ensureDays(c, Set.of(LocalDate.parse("2030-03-07"))))
          .containsExactly(
              "trades_p20300307",
              "tickers_p20300307",
              "orderbook_snapshots_p20300307",
              "orderbook_deltas_p20300307");
      c.commit();
      assertThat(strings(c, "SELECT tableoid::regclass::text || ' ' || trade_id FROM trades"))
          .containsExactly("trades_p20300307 t1");
      assertThat(ProductionStore.ensureDays(c, Set.of(LocalDate.parse("2030-03-07")))).isEmpty();
      assertThat(ProductionStore.compress(c, Instant.parse("2031-01-01T00:00:00Z"))).isEmpty();
      c.commit();
    }
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
