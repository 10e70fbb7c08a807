package io.kdp.store.writer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * A gatherer's stream watermark ({@code stream_watermarks}): the time before which every book row
 * it received is committed. It only moves forward.
 */
public final class StreamWatermarks {

  /** No watermark: the gatherer has asserted nothing. */
  public static final long NONE = Long.MIN_VALUE;

  private StreamWatermarks() {}

  /** Advances {@code gatherer}'s watermark to {@code completeThroughMicros} (never backwards). */
  public static void advance(Connection c, String gatherer, long completeThroughMicros)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO stream_watermarks (gatherer, complete_through) VALUES (?, ?) ON CONFLICT"
                + " (gatherer) DO UPDATE SET complete_through = excluded.complete_through, txid ="
                + " pg_current_xact_id(), pos = nextval('stream_watermarks_pos_seq') WHERE"
                + " stream_watermarks.complete_through < excluded.complete_through")) {
      ps.setString(1, gatherer);
      ps.setObject(2, Timestamps.offsetDateTime(completeThroughMicros));
      ps.executeUpdate();
    }
  }

  /** {@code gatherer}'s watermark in Unix µs, else {@link #NONE}. */
  public static long read(Connection c, String gatherer) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT complete_through FROM stream_watermarks WHERE gatherer = ?")) {
      ps.setString(1, gatherer);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return NONE;
        }
        OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000L), t.getNano() / 1000);
      }
    }
  }
}
