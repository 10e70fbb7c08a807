package io.kdp.store.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Versioned schema migrations (Flyway) for the two gatherer databases. Each keeps its own history
 * table, so both may live in one database. Re-running is a no-op.
 *
 * <ul>
 *   <li>time series: {@code db/timeseries/V1__time_series_tables.sql}, then V2 = {@link
 *       StorageEngine#setUp};
 *   <li>metadata: {@code db/metadata/V1__metadata_tables.sql}.
 * </ul>
 */
public final class Migrations {

  private Migrations() {}

  /**
   * Migrates a time-series database; returns its storage engine.
   *
   * @throws IncompatibleSchemaException when an incompatible build made the schema
   */
  public static StorageEngine migrateTimeSeries(DataSource ds, Retention retention)
      throws SQLException {
    StorageEngine engine;
    try (Connection c = ds.getConnection()) {
      engine = StorageEngines.detect(c, retention);
    }
    IncompatibleSchemaException.migrate(
        flyway(ds, "timeseries")
            .placeholders(Map.of("engine", engine.name(), "partition_by", engine.partitionClause()))
            .javaMigrations(new EngineSetupMigration(engine.name(), engine::setUp)),
        ds,
        "gatherer time-series");
    return engine;
  }

  /**
   * Migrates a metadata database.
   *
   * @throws IncompatibleSchemaException when an incompatible build made the schema
   */
  public static MigrateResult migrateMetadata(DataSource ds) {
    return IncompatibleSchemaException.migrate(flyway(ds, "metadata"), ds, "gatherer metadata");
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
      DataSource ds, String name) {
    return Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/" + name)
        .table("flyway_history_" + name)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .cleanDisabled(true);
  }
}
