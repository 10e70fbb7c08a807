package io.kdp.store.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdp.client.model.Side;
import io.kdp.store.Rows;
import io.kdp.store.position.Position;
import io.kdp.store.position.PositionCursor;
import io.kdp.store.row.DeltaRow;
import io.kdp.store.table.Tables;
import io.kdp.testkit.TimescaleWasm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The TimescaleDB path, proved against the WASM TimescaleDB: the real migrations (Flyway, through
 * the server's one session) detect it and make the time-series tables compressed, retained
 * hypertables; the metadata migration runs too; and {@link TimescaleEngine#maintain} compresses and
 * drops chunks while the position cursor still reads every remaining row exactly.
 */
@Timeout(300)
class TimescaleEngineWasmTest {

  private static final Instant NOW = Instant.parse("2030-03-10T12:00:00Z");

  @Test
  void timescaleDdlMakesCompressedRetainedHypertablesThatTheCursorReads() throws Exception {
    try (TimescaleWasm server = TimescaleWasm.start();
        Connection c = server.connect()) {
      StorageEngine engine =
          Migrations.migrateTimeSeries(TimescaleWasm.sharing(c), Retention.defaults());
      Migrations.migrateMetadata(TimescaleWasm.sharing(c));
      assertThat(engine).isInstanceOf(TimescaleEngine.class);
      c.setAutoCommit(false);
      assertThat(strings(c, "SELECT engine FROM storage_engine")).containsExactly("timescaledb");
      assertThat(
              strings(
                  c,
                  "SELECT count(*)::text FROM pg_tables WHERE tablename IN ('markets',"
                      + " 'events', 'series', 'market_status_changes')"))
          .containsExactly("4");

      assertThat(
              strings(
                  c,
                  "SELECT hypertable_name FROM timescaledb_information.hypertables"
                      + " ORDER BY 1"))
          .containsExactly("orderbook_deltas", "orderbook_snapshots", "tickers", "trades");
      assertThat(
              strings(
                  c,
                  "SELECT hypertable_name || ' ' || attname FROM"
                      + " timescaledb_information.compression_settings WHERE segmentby_column_index = 1"
                      + " ORDER BY 1"))
          .containsExactly(
              "orderbook_deltas market",
              "orderbook_snapshots market",
              "tickers market",
              "trades market");
      assertThat(
              strings(
                  c,
                  "SELECT hypertable_name || ' ' || proc_name FROM"
                      + " timescaledb_information.jobs WHERE hypertable_name IS NOT NULL ORDER BY 1"))
          .containsExactly(
              "orderbook_deltas policy_compression",
              "orderbook_deltas policy_retention",
              "orderbook_snapshots policy_compression",
              "orderbook_snapshots policy_retention",
              "tickers policy_compression",
              "tickers policy_retention",
              "trades policy_compression",
              "trades policy_retention");
      assertThat(
              strings(
                  c,
                  "SELECT proc_name || ' ' || coalesce(config ->> 'drop_after',"
                      + " config ->> 'compress_after') FROM timescaledb_information.jobs"
                      + " WHERE hypertable_name = 'orderbook_deltas' ORDER BY 1"))
          .containsExactly("policy_compression 2 days", "policy_retention 7 days");

      // three days of deltas (INSERT: this build cannot COPY): past retention, past the
      // compression age, and recent
      DeltaRow old = delta("2030-03-01T10:00:00Z", 1);
      DeltaRow aging = delta("2030-03-07T10:00:00Z", 2);
      DeltaRow agingToo = delta("2030-03-07T11:00:00Z", 3);
      DeltaRow recent = delta("2030-03-10T09:00:00Z", 4);
      insert(c, List.of(old, aging, agingToo, recent));
      c.commit();
      assertThat(readAll(c)).containsExactly(old, aging, agingToo, recent);

      MaintenanceReport report = engine.maintain(c, NOW);
      c.commit();

      assertThat(report.dropped()).hasSize(1).allMatch(n -> n.contains("_hyper_1_"));
      assertThat(report.compressed()).hasSize(1).allMatch(n -> n.contains("_hyper_1_"));
      assertThat(
              strings(
                  c,
                  "SELECT is_compressed::text FROM timescaledb_information.chunks"
                      + " WHERE hypertable_name = 'orderbook_deltas' ORDER BY range_start"))
          .containsExactly("true", "false");
      assertThat(readAll(c)).containsExactly(aging, agingToo, recent);

      MaintenanceReport again = engine.maintain(c, NOW);
      c.commit();
      assertThat(again).isEqualTo(new MaintenanceReport(List.of(), List.of(), List.of(), 0));
    }
  }

  private static void insert(Connection c, List<DeltaRow> rows) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO orderbook_deltas (received_at, exchange_time, market, side, price, delta,"
                + " gatherer, connection_id, sid, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (DeltaRow r : rows) {
        ps.setObject(1, utc(r.receivedAtMicros()));
        ps.setObject(2, utc(r.exchangeTimeMicros()));
        ps.setString(3, r.market());
        ps.setString(4, r.side().wire());
        ps.setLong(5, r.priceMicros());
        ps.setLong(6, r.deltaCenti());
        ps.setString(7, r.provenance().gatherer());
        ps.setLong(8, r.provenance().connectionId());
        ps.setInt(9, r.provenance().sid());
        ps.setLong(10, r.provenance().seq());
        ps.executeUpdate();
      }
    }
  }

  private static List<DeltaRow> readAll(Connection c) throws SQLException {
    List<DeltaRow> rows = new PositionCursor<>(Tables.DELTAS).read(c, Position.START, 100).values();
    c.commit();
    return rows;
  }

  private static DeltaRow delta(String receivedAt, long seq) {
    Instant t = Instant.parse(receivedAt);
    long micros = t.getEpochSecond() * 1_000_000L + 123_456;
    return new DeltaRow(
        "KXHIGHNY-26NOV25-B53.5",
        Side.YES,
        420_000,
        -5_400,
        micros - 1_000,
        micros,
        Rows.ws("a", seq));
  }

  private static OffsetDateTime utc(long micros) {
    return OffsetDateTime.ofInstant(
        Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000), ZoneOffset.UTC);
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    c.commit();
    return out;
  }
}
