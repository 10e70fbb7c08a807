package io.kdp.store.production;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The production database's schema ({@code db/production/V1__production_tables.sql}, Flyway history
 * table {@code flyway_history_production}) and its daily partitions. The time-series tables ({@link
 * #PARTITIONED}) are range-partitioned by UTC day on {@code time} with a default partition; {@link
 * #ensureDays} creates the day partitions the deduplicator is about to write into, moving any rows
 * of those days out of the default partition first.
 *
 * <p>Production runs on plain PostgreSQL partitioning whichever server it is given (a TimescaleDB
 * server runs the same schema as plain tables).
 */
public final class ProductionStore {

  /** The production tables partitioned by day on {@code time}. */
  public static final List<String> PARTITIONED =
      List.of("trades", "tickers", "orderbook_snapshots", "orderbook_deltas");

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private ProductionStore() {}

  /** Migrates a production database (re-running is a no-op). */
  public static MigrateResult migrate(DataSource ds) {
    return Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/production")
        .table("flyway_history_production")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .cleanDisabled(true)
        .load()
        .migrate();
  }

  /**
   * Creates, in the caller's transaction, every missing day partition of {@code days} for each
   * partitioned table. Returns the partitions created.
   */
  public static List<String> ensureDays(Connection c, Set<LocalDate> days) throws SQLException {
    List<String> created = new java.util.ArrayList<>();
    for (String table : PARTITIONED) {
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
