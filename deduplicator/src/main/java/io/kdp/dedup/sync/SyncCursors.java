package io.kdp.dedup.sync;

import io.kdp.store.position.Position;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code sync_cursors} table of production: per gatherer and table the last position merged.
 * {@link #save} runs in the transaction that wrote what the positions cover, so a crash either
 * keeps both or neither.
 */
public final class SyncCursors {

  private SyncCursors() {}

  /** Every saved cursor, by gatherer and table. */
  public static Map<String, Map<SyncTable, Position>> load(Connection c) throws SQLException {
    Map<String, Map<SyncTable, Position>> all = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT gatherer, table_name, txid::text, pos FROM sync_cursors");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        SyncTable t = byName(rs.getString(2));
        all.computeIfAbsent(rs.getString(1), g -> new EnumMap<>(SyncTable.class))
            .put(t, new Position(Long.parseUnsignedLong(rs.getString(3)), rs.getLong(4)));
      }
    }
    return all;
  }

  /** Upserts the cursors of {@code gatherer}, in the caller's transaction. */
  public static void save(
      Connection c, String gatherer, Map<SyncTable, Position> positions, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO sync_cursors (gatherer, table_name, txid, pos, updated_at)"
                + " VALUES (?, ?, ?::xid8, ?, ?) ON CONFLICT (gatherer, table_name) DO UPDATE"
                + " SET txid = excluded.txid, pos = excluded.pos, updated_at ="
                + " excluded.updated_at")) {
      for (Map.Entry<SyncTable, Position> e : positions.entrySet()) {
        ps.setString(1, gatherer);
        ps.setString(2, e.getKey().tableName());
        ps.setString(3, Long.toUnsignedString(e.getValue().txid()));
        ps.setLong(4, e.getValue().pos());
        ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static SyncTable byName(String name) {
    for (SyncTable t : SyncTable.values()) {
      if (t.tableName().equals(name)) {
        return t;
      }
    }
    throw new IllegalStateException("unknown table in sync_cursors: " + name);
  }
}
