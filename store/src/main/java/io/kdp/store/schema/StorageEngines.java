package io.kdp.store.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the storage engine of a time-series database: the one recorded in its {@code
 * storage_engine} table if it was migrated before (an engine never changes under existing data),
 * else TimescaleDB if the server offers the extension and it can be created, else plain PostgreSQL
 * partitioning.
 */
public final class StorageEngines {

  private static final Logger LOG = LoggerFactory.getLogger(StorageEngines.class);

  private StorageEngines() {}

  /** The engine for the database {@code c} is connected to (autocommit connection). */
  public static StorageEngine detect(Connection c, Retention retention) throws SQLException {
    return byName(detectName(c), retention);
  }

  /**
   * The name of the engine for the database {@code c} is connected to (autocommit connection): the
   * recorded one, else {@code timescaledb} if the extension could be created, else {@code
   * partitioned}. The gatherer's and the production databases choose alike.
   */
  public static String detectName(Connection c) throws SQLException {
    String recorded = recorded(c);
    if (recorded != null) {
      return recorded;
    }
    if (timescaleAvailable(c)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
        return "timescaledb";
      } catch (SQLException e) {
        LOG.warn(
            "timescaledb is available but could not be created ({}); using plain PostgreSQL"
                + " partitioning",
            e.getMessage());
      }
    }
    return "partitioned";
  }

  /** The engine called {@code name} ({@link StorageEngine#name()}). */
  public static StorageEngine byName(String name, Retention retention) {
    return switch (name) {
      case "timescaledb" -> new TimescaleEngine(retention);
      case "partitioned" -> new PartitionedEngine(retention);
      default -> throw new IllegalStateException("unknown storage engine recorded: " + name);
    };
  }

  /** The engine recorded in {@code storage_engine}, or null before the first migration. */
  public static String recorded(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('storage_engine') IS NOT NULL")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return null;
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT engine FROM storage_engine")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static boolean timescaleAvailable(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }
}
