package io.kdp.store.schema;

import io.kdp.store.table.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * TimescaleDB: each time-series table becomes a hypertable on {@code received_at} with one-day
 * chunks, compressed (segmented by market) after {@link Retention#compressAfter()} and dropped
 * after {@link Retention#keep()} by TimescaleDB's own policies. {@link #maintain} does the same
 * work explicitly (idempotent with the policies), so retention holds even where background workers
 * do not run.
 */
public final class TimescaleEngine implements StorageEngine {

  private final Retention retention;

  public TimescaleEngine(Retention retention) {
    this.retention = retention;
  }

  @Override
  public String name() {
    return "timescaledb";
  }

  @Override
  public String partitionClause() {
    return "";
  }

  @Override
  public void setUp(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String table : Tables.PARTITIONED) {
        for (String sql : setUpStatements(table)) {
          s.execute(sql);
        }
      }
    }
  }

  /** The statements that make {@code table} a compressed, retained hypertable. */
  public List<String> setUpStatements(String table) {
    return List.of(
        "SELECT create_hypertable('" + table + "', by_range('received_at', INTERVAL '1 day'))",
        "ALTER TABLE "
            + table
            + " SET (timescaledb.compress, timescaledb.compress_segmentby = 'market',"
            + " timescaledb.compress_orderby = 'received_at, pos')",
        "SELECT add_compression_policy('"
            + table
            + "', compress_after => INTERVAL '"
            + interval(retention.compressAfter())
            + "', if_not_exists => true)",
        "SELECT add_retention_policy('"
            + table
            + "', drop_after => INTERVAL '"
            + interval(retention.keep())
            + "', if_not_exists => true)");
  }

  /** An interval literal's text: whole days when it is, else seconds. */
  static String interval(Duration d) {
    long s = d.toSeconds();
    return s % 86_400 == 0 ? s / 86_400 + " days" : s + " seconds";
  }

  @Override
  public MaintenanceReport maintain(Connection c, Instant now) throws SQLException {
    List<String> dropped = new ArrayList<>();
    List<String> compressed = new ArrayList<>();
    OffsetDateTime dropBefore =
        OffsetDateTime.ofInstant(now.minus(retention.keep()), ZoneOffset.UTC);
    OffsetDateTime compressBefore =
        OffsetDateTime.ofInstant(now.minus(retention.compressAfter()), ZoneOffset.UTC);
    for (String table : Tables.PARTITIONED) {
      dropped.addAll(
          names(c, "SELECT drop_chunks('" + table + "', older_than => ?)::text", dropBefore));
      compressed.addAll(
          names(
              c,
              "SELECT compress_chunk(ch, if_not_compressed => true)::text FROM show_chunks('"
                  + table
                  + "', older_than => ?) ch WHERE NOT EXISTS (SELECT 1 FROM"
                  + " timescaledb_information.chunks i WHERE format('%I.%I', i.chunk_schema,"
                  + " i.chunk_name)::regclass = ch AND i.is_compressed)",
              compressBefore));
    }
    return new MaintenanceReport(List.of(), dropped, compressed, 0);
  }

  private static List<String> names(Connection c, String sql, OffsetDateTime t)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, t);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }
}
