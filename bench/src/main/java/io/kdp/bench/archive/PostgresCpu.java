package io.kdp.bench.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * CPU time of the PostgreSQL server the bench exports from, from Linux's {@code /proc}: every live
 * process under the postmaster plus what the postmaster has collected from children that exited
 * (its {@code cutime + cstime}), so the export's own connections and parallel workers, gone by the
 * second reading, still count. Unknown ({@code -1}) where there is no {@code /proc}.
 */
final class PostgresCpu {

  private static final double TICKS_PER_SECOND = 100; // USER_HZ on every Linux architecture

  private final long postmaster;

  private PostgresCpu(long postmaster) {
    this.postmaster = postmaster;
  }

  /** The server behind {@code ds}, found as the parent of one of its backends. */
  static PostgresCpu of(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      long backend = rs.getLong(1);
      return new PostgresCpu(
          ProcessHandle.of(backend)
              .flatMap(ProcessHandle::parent)
              .map(ProcessHandle::pid)
              .orElse(-1L));
    }
  }

  /**
   * CPU seconds the server has used so far, or -1 when they cannot be read. Read children first,
   * then the postmaster, and again if a child came or went meanwhile (one reaped between the two
   * reads would be counted twice or not at all).
   */
  double seconds() {
    try {
      for (int attempt = 0; attempt < 100; attempt++) {
        List<Long> children = children();
        long total = 0;
        boolean whole = true;
        for (long child : children) {
          try {
            long[] t = ticks(child);
            total += t[0] + t[1];
          } catch (IOException e) {
            whole = false; // exited between listing and reading
          }
        }
        long[] own = ticks(postmaster);
        total += own[0] + own[1] + own[2] + own[3];
        if (whole && children.equals(children())) {
          return total / TICKS_PER_SECOND;
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private List<Long> children() {
    return ProcessHandle.of(postmaster)
        .orElseThrow()
        .children()
        .map(ProcessHandle::pid)
        .sorted()
        .toList();
  }

  /** utime, stime, cutime, cstime of {@code pid} (fields 14–17 of /proc/PID/stat), in ticks. */
  private static long[] ticks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // f[0] is field 3 (state), so field n is f[n - 3]
    return new long[] {
      Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])
    };
  }
}
