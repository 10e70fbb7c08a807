package io.kdp.dedup.sync;

import io.kdp.store.position.DatabaseIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code sync_sources} table of production: per gatherer and source database ({@link
 * SyncTable#source()}) the identity of the database its cursors point into, saved in the same
 * transaction as the cursors.
 */
public final class SyncSources {

  /** A saved identity: the database id and, when it was readable, the system id. */
  public record Saved(String databaseId, String systemId) {}

  private SyncSources() {}

  /** Every saved identity, by gatherer and source. */
  public static Map<String, Map<String, Saved>> load(Connection c) throws SQLException {
    Map<String, Map<String, Saved>> all = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT gatherer, source, database_id, system_id FROM sync_sources");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.computeIfAbsent(rs.getString(1), g -> new HashMap<>())
            .put(rs.getString(2), new Saved(rs.getString(3), rs.getString(4)));
      }
    }
    return all;
  }

  /** Upserts the identities {@code gatherer} was read at, in the caller's transaction. */
  public static void save(
      Connection c, String gatherer, Map<String, DatabaseIdentity> identities, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sync_sources (gatherer, source, database_id, system_id, updated_at) VALUES"
                + " (?, ?, ?, ?, ?) ON CONFLICT (gatherer, source) DO UPDATE SET database_id ="
                + " excluded.database_id, system_id = coalesce(excluded.system_id,"
                + " sync_sources.system_id), updated_at = excluded.updated_at WHERE"
                + " sync_sources.database_id IS DISTINCT FROM excluded.database_id OR"
                + " (excluded.system_id IS NOT NULL AND sync_sources.system_id IS DISTINCT FROM"
                + " excluded.system_id)")) {
      for (Map.Entry<String, DatabaseIdentity> e : identities.entrySet()) {
        ps.setString(1, gatherer);
        ps.setString(2, e.getKey());
        ps.setString(3, e.getValue().databaseId());
        ps.setString(4, e.getValue().systemId());
        ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
