package io.kdp.store.production;

import io.kdp.store.schema.EngineSetupMigration;
import io.kdp.store.schema.IncompatibleSchemaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The production database's schema (Flyway history table {@code flyway_history_production}): V1 =
 * {@code db/production/V1__production_tables.sql}, V2 = the {@link ProductionEngine}'s part ({@code
 * db/production-engine/<engine>.sql}). The time-series tables ({@link #TIME_SERIES}) are either
 * range-partitioned by UTC day on {@code time} with a default partition, {@link #ensureDays}
 * creating the day partitions the deduplicator is about to write into (moving any rows of those
 * days out of the default partition first), or TimescaleDB hypertables, compressed by {@link
 * #compress} once past the compression age.
 */
public final class ProductionStore {

  /** The production time-series tables: partitioned by day, or hypertables, on {@code time}. */
  public static final List<String> TIME_SERIES =
      List.of("trades", "tickers", "orderbook_snapshots", "orderbook_deltas");

  /** The production tables partitioned by day on {@code time} (on plain PostgreSQL). */
  public static final List<String> PARTITIONED = TIME_SERIES;

  /** The compression age when none is configured (TimescaleDB only). */
  public static final Duration DEFAULT_COMPRESS_AFTER = Duration.ofDays(3);

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private ProductionStore() {}

  /** Migrates a production database (re-running is a no-op), compressing after the default age. */
  public static MigrateResult migrate(DataSource ds) {
    return migrate(ds, DEFAULT_COMPRESS_AFTER);
  }

  /**
   * Migrates a production database (re-running is a no-op) on the engine recorded in it, else the
   * one detected; {@code compressAfter} is the TimescaleDB compression policy's age, set once.
   *
   * @throws IncompatibleSchemaException when an incompatible build made the schema
   */
  public static MigrateResult migrate(DataSource ds, Duration compressAfter) {
    ProductionEngine engine;
    try (Connection c = ds.getConnection()) {
      engine = ProductionEngine.detect(c);
    } catch (SQLException e) {
      throw new FlywayException("cannot choose production's storage engine: " + e.getMessage(), e);
    }
    return IncompatibleSchemaException.migrate(
        Flyway.configure()
            .dataSource(ds)
            .locations("classpath:db/production")
            .table("flyway_history_production")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .cleanDisabled(true)
            .placeholders(Map.of("engine", engine.id(), "partition_by", engine.partitionClause()))
            .javaMigrations(
                new EngineSetupMigration(engine.id(), c -> engine.setUp(c, compressAfter))),
        ds,
        "production");
  }

  /** The engine a migrated production database runs on. */
  public static ProductionEngine engine(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT engine FROM storage_engine")) {
      if (!rs.next()) {
        throw new IllegalStateException("production is not migrated: no storage_engine row");
      }
      return ProductionEngine.of(rs.getString(1));
    }
  }

  /**
   * Compresses, in the caller's transaction, every uncompressed chunk of the time-series
   * hypertables wholly older than {@code before}; returns the chunks compressed. A no-op on plain
   * PostgreSQL.
   */
  public static List<String> compress(Connection c, Instant before) throws SQLException {
    List<String> compressed = new ArrayList<>();
    if (engine(c) != ProductionEngine.TIMESCALEDB) {
      return compressed;
    }
    for (String table : TIME_SERIES) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT compress_chunk(ch)::text FROM show_chunks('"
                  + table
                  + "', older_than => ?) ch WHERE NOT EXISTS (SELECT 1 FROM"
                  + " timescaledb_information.chunks i WHERE format('%I.%I', i.chunk_schema,"
                  + " i.chunk_name)::regclass = ch AND i.is_compressed) ORDER BY 1")) {
        ps.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            compressed.add(rs.getString(1));
          }
        }
      }
    }
    return compressed;
  }

  /**
   * Creates, in the caller's transaction, every missing day partition of {@code days} for each
   * partitioned table. Returns the partitions created; none on TimescaleDB, whose chunks come by
   * themselves.
   */
  public static List<String> ensureDays(Connection c, Set<LocalDate> days) throws SQLException {
    List<String> created = new ArrayList<>();
    if (engine(c) != ProductionEngine.PARTITIONED) {
      return created;
    }
    for (String table : TIME_SERIES) {
      TreeSet<LocalDate> have = io.kdp.store.schema.PartitionedEngine.days(c, table);
      for (LocalDate d : new TreeSet<>(days)) {
        if (!have.contains(d)) {
          create(c, table, d);
          created.add(partition(table, d));
        }
      }
    }
    return created;
  }

  /** The UTC day of {@code t}. */
  public static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static void create(Connection c, String table, LocalDate day) throws SQLException {
    String p = partition(table, day);
    String from = "'" + day.atStartOfDay(ZoneOffset.UTC).toInstant() + "'";
    String to = "'" + day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "'";
    try (Statement s = c.createStatement()) {
      s.execute("LOCK TABLE " + table + "_default IN ACCESS EXCLUSIVE MODE");
      s.execute(
          "CREATE TABLE " + p + " (LIKE " + table + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
      s.execute(
          "WITH moved AS (DELETE FROM "
              + table
              + "_default WHERE time >= "
              + from
              + " AND time < "
              + to
              + " RETURNING *) INSERT INTO "
              + p
              + " SELECT * FROM moved");
      s.execute(
          "ALTER TABLE "
              + table
              + " ATTACH PARTITION "
              + p
              + " FOR VALUES FROM ("
              + from
              + ") TO ("
              + to
              + ")");
    }
  }

  private static String partition(String table, LocalDate day) {
    return table + "_p" + DAY.format(day);
  }
}
