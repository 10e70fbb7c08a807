package io.kdp.store.writer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A gatherer's per-connection watermarks ({@code connection_watermarks}): for each book connection,
 * the time through which every frame received on it is committed and the connection was alive (a
 * frame or a ping/pong arrived then). A book stream (connection, sid) is complete only through its
 * connection's watermark; {@link StreamWatermarks} is the process's.
 */
public final class ConnectionWatermarks {

  /** Closed rows are dropped this long after their final watermark. */
  private static final long KEEP_CLOSED_MICROS = 7L * 24 * 3600 * 1_000_000;

  /**
   * One connection's watermark.
   *
   * @param connectionId the rows' {@code connection_id}
   * @param completeThroughMicros Unix µs
   * @param closed the connection ended: the watermark is final
   */
  public record Mark(long connectionId, long completeThroughMicros, boolean closed) {}

  private ConnectionWatermarks() {}

  /**
   * Writes {@code gatherer}'s connection watermarks in the caller's transaction: each mark moves
   * its row forward (never back; a closed row stays closed), every other open row of the gatherer
   * is closed (its connection is no longer tracked: it ended, or belonged to an earlier process),
   * and rows closed a week before {@code nowMicros} are dropped.
   */
  public static void write(Connection c, String gatherer, Collection<Mark> marks, long nowMicros)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO connection_watermarks (gatherer, connection_id, complete_through, closed)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (gatherer, connection_id) DO UPDATE SET"
                + " complete_through = greatest(connection_watermarks.complete_through,"
                + " excluded.complete_through), closed = connection_watermarks.closed OR"
                + " excluded.closed")) {
      for (Mark m : marks) {
        ps.setString(1, gatherer);
        ps.setLong(2, m.connectionId());
        ps.setObject(3, Timestamps.offsetDateTime(m.completeThroughMicros()));
        ps.setBoolean(4, m.closed());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Long[] open =
        marks.stream().filter(m -> !m.closed()).map(Mark::connectionId).toArray(Long[]::new);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE connection_watermarks SET closed = true WHERE gatherer = ? AND NOT closed AND"
                + " NOT (connection_id = ANY (?))")) {
      Array ids = c.createArrayOf("bigint", open);
      ps.setString(1, gatherer);
      ps.setArray(2, ids);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM connection_watermarks WHERE gatherer = ? AND closed AND complete_through <"
                + " ?")) {
      ps.setString(1, gatherer);
      ps.setObject(2, Timestamps.offsetDateTime(nowMicros - KEEP_CLOSED_MICROS));
      ps.executeUpdate();
    }
  }

  /** {@code gatherer}'s connection watermarks, by connection id. */
  public static Map<Long, Mark> read(Connection c, String gatherer) throws SQLException {
    Map<Long, Mark> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT connection_id, complete_through, closed FROM connection_watermarks WHERE"
                + " gatherer = ?")) {
      ps.setString(1, gatherer);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime t = rs.getObject(2, OffsetDateTime.class);
          long micros =
              Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000L), t.getNano() / 1000);
          out.put(rs.getLong(1), new Mark(rs.getLong(1), micros, rs.getBoolean(3)));
        }
      }
    }
    return out;
  }
}
