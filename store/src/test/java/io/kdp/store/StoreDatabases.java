package io.kdp.store;

import io.kdp.store.schema.Migrations;
import io.kdp.store.schema.Retention;
import io.kdp.store.schema.StorageEngine;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.SQLException;

/** Fresh migrated gatherer databases on the shared embedded PostgreSQL. */
public final class StoreDatabases {

  private StoreDatabases() {}

  /** A fresh database holding both the time-series and the metadata schema. */
  public static TestDatabase migrated() throws SQLException {
    TestDatabase db = SharedPostgres.createDatabase();
    StorageEngine engine = Migrations.migrateTimeSeries(db.dataSource(), Retention.defaults());
    if (!engine.name().equals("partitioned")) {
      throw new IllegalStateException("expected plain PostgreSQL, got " + engine.name());
    }
    Migrations.migrateMetadata(db.dataSource());
    return db;
  }
}
