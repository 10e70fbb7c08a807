package io.kdp.store.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Deletes rows past retention from the tables that are not partitioned by day. */
final class Trim {

  private Trim() {}

  /** Runs {@code sql}, whose one parameter is the cutoff time; returns the rows deleted. */
  static long delete(Connection c, String sql, Instant cutoff) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
      return ps.executeLargeUpdate();
    }
  }

  /** Trims the plain tables of both engines; returns the rows deleted. */
  static long plainTables(Connection c, Instant cutoff) throws SQLException {
    return delete(c, "DELETE FROM trade_ids WHERE received_at < ?", cutoff)
        + delete(c, "DELETE FROM sequence_gaps WHERE recovered_at < ?", cutoff)
        + delete(c, "DELETE FROM raw_frames_quarantine WHERE received_at < ?", cutoff);
  }
}
