package io.kdp.store.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class MigrationsTest {

  @Test
  void freshDatabaseGetsEveryTableAndRerunChangesNothing() throws SQLException {
    TestDatabase db = SharedPostgres.createDatabase();

    StorageEngine engine = Migrations.migrateTimeSeries(db.dataSource(), Retention.defaults());
    Migrations.migrateMetadata(db.dataSource());

    assertThat(engine).isInstanceOf(PartitionedEngine.class);
    List<String> expected =
        List.of(
            "connection_watermarks",
            "database_identity",
            "events",
            "flyway_history_metadata",
            "flyway_history_timeseries",
            "market_status_changes",
            "markets",
            "orderbook_deltas",
            "orderbook_snapshots",
            "raw_frames_quarantine",
            "sequence_gaps",
            "series",
            "storage_engine",
            "stream_watermarks",
            "tickers",
            "trade_ids",
            "trades");
    assertThat(topLevelTables(db)).isEqualTo(expected);
    assertThat(partitionedTables(db))
        .containsExactly("orderbook_deltas", "orderbook_snapshots", "tickers", "trades");
    List<String> history = history(db);

    StorageEngine again = Migrations.migrateTimeSeries(db.dataSource(), Retention.defaults());
    int metadataRun = Migrations.migrateMetadata(db.dataSource()).migrationsExecuted;

    assertThat(again.name()).isEqualTo("partitioned");
    assertThat(metadataRun).isZero();
    assertThat(history(db)).isEqualTo(history);
    // the metadata schema arrives second in a non-empty database: baselined at 0, then V1
    assertThat(history)
        .containsExactly(
            "metadata 0 << Flyway Baseline >>",
            "metadata 1 metadata tables",
            "metadata 2 database identity",
            "timeseries 1 time series tables",
            "timeseries 2 storage engine setup",
            "timeseries 3 stream watermarks",
            "timeseries 4 connection watermarks",
            "timeseries 5 database identity");
    assertThat(topLevelTables(db)).isEqualTo(expected);
  }

  @Test
  void recordedEngineWins() throws SQLException {
    TestDatabase db = SharedPostgres.createDatabase();
    Migrations.migrateTimeSeries(db.dataSource(), Retention.defaults());
    try (Connection c = db.connect()) {
      assertThat(StorageEngines.detect(c, Retention.defaults()).name()).isEqualTo("partitioned");
    }
  }

  private static List<String> topLevelTables(TestDatabase db) throws SQLException {
    return strings(
        db,
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " ORDER BY 1");
  }

  private static List<String> partitionedTables(TestDatabase db) throws SQLException {
    return strings(
        db,
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = 'public' AND c.relkind = 'p' ORDER BY 1");
  }

  private static List<String> history(TestDatabase db) throws SQLException {
    return strings(
        db,
        "SELECT 'metadata ' || version || ' ' || description FROM flyway_history_metadata"
            + " UNION ALL SELECT 'timeseries ' || version || ' ' || description"
            + " FROM flyway_history_timeseries ORDER BY 1");
  }

  static List<String> strings(TestDatabase db, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
