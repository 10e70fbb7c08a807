package io.kdp.dedup.sync;

import io.kdp.store.position.Position;
import io.kdp.store.position.PositionBatch;
import io.kdp.store.position.Positioned;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link io.kdp.store.position.PositionCursor} over a metadata table, returning each row whole as
 * a JSON document ({@code to_jsonb(row)} without its position): the production upserts pick the
 * columns they need from it. Same commit-safe rule: rows of transactions at or above the snapshot's
 * xmin are held back, so none is ever skipped.
 */
final class JsonCursor {

  private final String sql;

  JsonCursor(String table) {
    this.sql =
        "SELECT (to_jsonb(t) - 'txid' - 'pos')::text AS doc, t.txid::text AS txid_text, t.pos,"
            + " pg_snapshot_xmin(pg_current_snapshot())::text AS horizon FROM "
            + table
            + " t WHERE (t.txid, t.pos) > (?::xid8, ?)"
            + " AND t.txid < pg_snapshot_xmin(pg_current_snapshot())"
            + " ORDER BY t.txid, t.pos LIMIT ?";
  }

  PositionBatch<String> read(Connection c, Position after, int limit) throws SQLException {
    List<Positioned<String>> rows = new ArrayList<>();
    Position next = after;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, Long.toUnsignedString(after.txid()));
      ps.setLong(2, after.pos());
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          next = new Position(Long.parseUnsignedLong(rs.getString("txid_text")), rs.getLong("pos"));
          rows.add(new Positioned<>(next, rs.getString("doc")));
        }
      }
    }
    return new PositionBatch<>(rows, next, 0);
  }
}
