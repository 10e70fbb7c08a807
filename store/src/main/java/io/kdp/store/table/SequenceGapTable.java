package io.kdp.store.table;

import io.kdp.store.copy.BinaryCopy;
import io.kdp.store.row.SequenceGapRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** {@code sequence_gaps}: rows are copied open; closing one is an update that re-positions it. */
final class SequenceGapTable implements TimeSeriesTable<SequenceGapRow> {

  private static final List<String> COLUMNS =
      List.of(
          "gatherer",
          "connection_id",
          "sid",
          "expected_seq",
          "received_seq",
          "markets",
          "detected_at",
          "recovered_at");
  private static final List<String> READ = Columns.concat(List.of("gap_id"), COLUMNS);

  @Override
  public String name() {
    return "sequence_gaps";
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
  public void encode(SequenceGapRow r, BinaryCopy out) throws SQLException {
    out.row(COLUMNS.size());
    out.text(r.gatherer());
    out.int8(r.connectionId());
    out.int4(r.sid());
    out.int8(r.expectedSeq());
    out.int8(r.receivedSeq());
    out.textArray(r.markets());
    out.timestamptz(r.detectedAtMicros());
    out.timestamptz(r.recoveredAtMicros());
  }

  @Override
  public SequenceGapRow decode(ResultSet rs) throws SQLException {
    return new SequenceGapRow(
        rs.getLong("gap_id"),
        rs.getString("gatherer"),
        rs.getLong("connection_id"),
        rs.getInt("sid"),
        rs.getLong("expected_seq"),
        rs.getLong("received_seq"),
        Columns.textArray(rs, "markets"),
        Columns.micros(rs, "detected_at"),
        Columns.micros(rs, "recovered_at"));
  }
}
