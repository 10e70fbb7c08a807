package io.kdp.store.writer;

import io.kdp.store.row.SequenceGapRow;
import io.kdp.store.table.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Opens gaps (binary {@code COPY}) and closes them when the subscription's fresh snapshot arrives.
 * Closing re-assigns the row's position, so a position cursor reads the gap again, closed.
 */
public final class SequenceGapWriter {

  private static final String CLOSE =
      "UPDATE sequence_gaps SET recovered_at = ?, txid = pg_current_xact_id(),"
          + " pos = nextval('sequence_gaps_pos_seq')"
          + " WHERE gatherer = ? AND connection_id = ? AND sid = ? AND recovered_at IS NULL";

  private final CopyWriter<SequenceGapRow> copy = new CopyWriter<>(Tables.SEQUENCE_GAPS);

  /** Stores newly detected gaps on {@code c} (not committed); returns the number stored. */
  public long open(Connection c, List<SequenceGapRow> gaps) throws SQLException {
    return copy.write(c, gaps);
  }

  /**
   * Closes every open gap of one subscription on {@code c} (not committed); returns how many.
   *
   * @param recoveredAtMicros Unix µs on the gatherer's clock
   */
  public int close(
      Connection c, String gatherer, long connectionId, int sid, long recoveredAtMicros)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CLOSE)) {
      ps.setObject(1, Timestamps.offsetDateTime(recoveredAtMicros));
      ps.setString(2, gatherer);
      ps.setLong(3, connectionId);
      ps.setInt(4, sid);
      return ps.executeUpdate();
    }
  }
}
