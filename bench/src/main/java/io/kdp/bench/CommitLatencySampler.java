package io.kdp.bench;

import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Polls {@code orderbook_deltas} every {@code periodMillis} for rows committed since the last poll
 * and records, per row, the wall-clock time it became visible minus its exchange time (the
 * simulator's send time), else its receive time. The poll period bounds the error from above.
 */
final class CommitLatencySampler implements AutoCloseable {

  private final TestDatabase db;
  private final int periodMillis;
  private final Thread thread;
  private long[] micros = new long[1 << 16];
  private int n;
  private volatile boolean recording;
  private volatile boolean stop;
  private volatile Exception failure;

  CommitLatencySampler(TestDatabase db, int periodMillis) {
    this.db = db;
    this.periodMillis = periodMillis;
    this.thread = Thread.ofPlatform().name("bench-latency").daemon().unstarted(this::run);
  }

  CommitLatencySampler start() {
    thread.start();
    return this;
  }

  /** Rows seen from now on are recorded (earlier ones only move the high-water mark). */
  void record(boolean on) {
    recording = on;
  }

  private void run() {
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT pos, (extract(epoch FROM coalesce(exchange_time, received_at))"
                    + " * 1000000)::bigint FROM orderbook_deltas WHERE pos > ? ORDER BY pos")) {
      long last = 0;
      while (!stop) {
        ps.setLong(1, last);
        long seenAt = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (seenAt == 0) {
              seenAt = nowMicros();
            }
            last = Math.max(last, rs.getLong(1));
            if (recording) {
              add(seenAt - rs.getLong(2));
            }
          }
        }
        Thread.sleep(periodMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      failure = e;
    }
  }

  private synchronized void add(long v) {
    if (n == micros.length) {
      micros = Arrays.copyOf(micros, n * 2);
    }
    micros[n++] = v;
  }

  private static long nowMicros() {
    java.time.Instant t = java.time.Instant.now();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  /** {@code {samples, p50 ms, p99 ms, max ms}} of what was recorded. */
  synchronized double[] summary() throws Exception {
    if (failure != null) {
      throw failure;
    }
    long[] s = Arrays.copyOf(micros, n);
    Arrays.sort(s);
    if (n == 0) {
      return new double[] {0, -1, -1, -1};
    }
    return new double[] {
      n, s[(int) (n * 0.50)] / 1e3, s[Math.min(n - 1, (int) (n * 0.99))] / 1e3, s[n - 1] / 1e3
    };
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(10_000);
  }
}
