package io.kdp.store.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * How the gatherer's time-series tables ({@link io.kdp.store.table.Tables#PARTITIONED}) are split
 * by time and aged out. Every engine-specific statement lives behind this interface; the tables
 * themselves, their columns and positions are the same on both.
 *
 * <ul>
 *   <li>{@link TimescaleEngine}: the server has the {@code timescaledb} extension; hypertables on
 *       {@code received_at} with daily chunks, compression and retention policies.
 *   <li>{@link PartitionedEngine}: plain PostgreSQL; native range partitions by day on {@code
 *       received_at} plus a default partition, kept by {@link #maintain}.
 * </ul>
 */
public sealed interface StorageEngine permits TimescaleEngine, PartitionedEngine {

  /** The name recorded in {@code storage_engine}: {@code timescaledb} or {@code partitioned}. */
  String name();

  /** Appended to each time-series {@code CREATE TABLE}: a partitioning clause, or nothing. */
  String partitionClause();

  /** Runs once, in the migration, after the tables exist. */
  void setUp(Connection c) throws SQLException;

  /**
   * Keeps partitions or chunks current as of {@code now}: creates what is due, drops what is past
   * retention. Runs in the caller's transaction if one is open, else in short ones of its own.
   */
  MaintenanceReport maintain(Connection c, Instant now) throws SQLException;
}
