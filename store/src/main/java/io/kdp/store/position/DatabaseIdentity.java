package io.kdp.store.position;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Which database a set of {@link Position}s belongs to. Positions are meaningful only within one
 * database: a rebuilt or replaced gatherer database (new host, restored volume) starts its
 * transaction ids and sequences again, and a cursor saved against the old one would skip its rows.
 *
 * @param databaseId the UUID drawn once when the database was migrated ({@code database_identity})
 * @param systemId the server's {@code pg_control_system()} system identifier, or null when the
 *     reading role may not call it
 * @param nextTxid the first transaction id not yet assigned ({@code pg_snapshot_xmax}): a position
 *     at or past it cannot come from this database
 */
public record DatabaseIdentity(String databaseId, String systemId, long nextTxid) {

  /**
   * Reads the identity on {@code c} (in the caller's transaction, so that it describes the same
   * snapshot as the rows read with it). Needs only {@code SELECT} on {@code database_identity}.
   */
  public static DatabaseIdentity read(Connection c) throws SQLException {
    String id;
    boolean canReadSystem;
    long next;
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT (SELECT id::text FROM database_identity),"
                    + " has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE'),"
                    + " pg_snapshot_xmax(pg_current_snapshot())::text");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      id = rs.getString(1);
      canReadSystem = rs.getBoolean(2);
      next = Long.parseUnsignedLong(rs.getString(3));
    }
    if (id == null) {
      throw new SQLException("database_identity is empty: migrate the gatherer database first");
    }
    String system = null;
    if (canReadSystem) {
      try (PreparedStatement ps =
              c.prepareStatement("SELECT system_identifier::text FROM pg_control_system()");
          ResultSet rs = ps.executeQuery()) {
        system = rs.next() ? rs.getString(1) : null;
      }
    }
    return new DatabaseIdentity(id, system, next);
  }

  /**
   * Whether positions saved while reading {@code saved} (its ids; its {@code nextTxid} plays no
   * part) are still valid here: the same database id, the same system id when both are known, and
   * {@code position} (the furthest saved) not beyond what this database has assigned.
   */
  public boolean continues(String savedDatabaseId, String savedSystemId, Position position) {
    if (!databaseId.equals(savedDatabaseId)) {
      return false;
    }
    if (systemId != null && savedSystemId != null && !systemId.equals(savedSystemId)) {
      return false;
    }
    return Long.compareUnsigned(position.txid(), nextTxid) < 0;
  }
}
