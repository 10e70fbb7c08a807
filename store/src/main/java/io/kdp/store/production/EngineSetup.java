package io.kdp.store.production;

import java.time.Duration;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/** Production migration 2: the storage engine's part of the schema, over the tables V1 created. */
final class EngineSetup implements JavaMigration {

  private final ProductionEngine engine;
  private final Duration compressAfter;

  EngineSetup(ProductionEngine engine, Duration compressAfter) {
    this.engine = engine;
    this.compressAfter = compressAfter;
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
    return engine.id().hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    engine.setUp(context.getConnection(), compressAfter);
  }
}
