package io.kdp.dedup.coverage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Upserts coverage runs: a run keeps its (market, start) key and grows its end. */
public final class CoverageWrite {

  private static final String SQL =
      "INSERT INTO coverage (market, window_start, window_end, gatherer) VALUES (?, kdp_micros(?),"
          + " kdp_micros(?), ?) ON CONFLICT (market, window_start) DO UPDATE SET window_end ="
          + " excluded.window_end, gatherer = excluded.gatherer";

  private CoverageWrite() {}

  /** Writes the last state of each run in {@code runs}; returns how many runs are holes. */
  public static int write(Connection c, List<CoverageRun> runs) throws SQLException {
    Map<String, CoverageRun> last = new LinkedHashMap<>();
    for (CoverageRun r : runs) {
      last.put(r.market() + "\u0000" + r.startMicros(), r);
    }
    int holes = 0;
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      for (CoverageRun r : last.values()) {
        ps.setString(1, r.market());
        ps.setLong(2, r.startMicros());
        ps.setLong(3, r.endMicros());
        ps.setString(4, r.gatherer());
        ps.addBatch();
        if (r.isHole()) {
          holes++;
        }
      }
      ps.executeBatch();
    }
    return holes;
  }
}
