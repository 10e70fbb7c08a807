package io.kdp.store.schema;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 2 of a database whose engine is chosen at run time (the gatherer's time series,
 * production): the storage engine's setup of the tables V1 created. Its checksum is the engine's
 * name, so an engine never changes under an existing history.
 */
public final class EngineSetupMigration implements JavaMigration {

  /** The engine's setup, in the migration's transaction. */
  @FunctionalInterface
  public interface SetUp {
    void run(Connection c) throws SQLException;
  }

  private final String engineName;
  private final SetUp setUp;

  public EngineSetupMigration(String engineName, SetUp setUp) {
    this.engineName = engineName;
    this.setUp = setUp;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2");
  }

  @Override
  public String getDescription() {
    return "storage engine setup";
  }

  @Override
  public Integer getChecksum() {
    return engineName.hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    setUp.run(context.getConnection());
  }
}
