package io.kdp.store.schema;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/** Time-series migration 2: the storage engine's setup of the tables V1 created. */
final class EngineSetupMigration implements JavaMigration {

  private final StorageEngine engine;

  EngineSetupMigration(StorageEngine engine) {
    this.engine = engine;
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
    return engine.name().hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    engine.setUp(context.getConnection());
  }
}
