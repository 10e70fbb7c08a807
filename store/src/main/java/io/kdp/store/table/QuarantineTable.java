package io.kdp.store.table;

import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.row.QuarantinedFrame;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** {@code raw_frames_quarantine}. */
final class QuarantineTable implements TimeSeriesTable<QuarantinedFrame> {

  private static final List<String> COLUMNS =
      List.of("received_at", "gatherer", "connection_id", "frame", "frame_type", "reason");
  private static final List<String> READ = Columns.concat(List.of("frame_id"), COLUMNS);

  @Override
  public String name() {
    return "raw_frames_quarantine";
  }

  @Override
  public List<String> copyColumns() {
    return COLUMNS;
  }

  @Override
  public List<String> readColumns() {
    return READ;
  }

  @Override
  public void encode(QuarantinedFrame r, BinaryCopy out) throws SQLException {
    out.row(COLUMNS.size());
    out.timestamptz(r.receivedAtMicros());
    out.text(r.gatherer());
    out.int8(r.connectionId());
    out.text(r.frame());
    out.text(r.frameType());
    out.text(r.reason());
  }

  @Override
  public QuarantinedFrame decode(ResultSet rs) throws SQLException {
    return new QuarantinedFrame(
        rs.getLong("frame_id"),
        rs.getString("gatherer"),
        rs.getLong("connection_id"),
        rs.getString("frame"),
        rs.getString("frame_type"),
        rs.getString("reason"),
        Columns.micros(rs, "received_at"));
  }
}
