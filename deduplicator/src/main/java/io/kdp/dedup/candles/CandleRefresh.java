package io.kdp.dedup.candles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps the TimescaleDB candle aggregates current ({@code candle_trades_*} and {@code
 * candle_quotes_*}, read through the {@code candles_*} views). {@code refresh_continuous_aggregate}
 * cannot run inside a transaction, so a merge {@link #record}s the 1-minute windows it touched in
 * {@code candle_refresh_pending}, in its own transaction, and {@link #drain} refreshes them after
 * the commit: the minutes, then the hours and days holding them (the hourly and daily aggregates
 * are built on the minutes). A window is deleted only once refreshed, and refreshing twice is
 * harmless, so a crash at any point leaves nothing stale once the next start-up drains the rest.
 */
public final class CandleRefresh {

  private static final long MINUTE = CandlePeriod.MINUTE.micros();

  private CandleRefresh() {}

  /**
   * Records, in the caller's transaction, the windows of whole 1-minute buckets holding the given
   * times (Unix µs of trades and tickers merged, per market). Returns the windows recorded.
   */
  public static int record(Connection c, Map<String, Set<Long>> timesByMarket) throws SQLException {
    TreeSet<Long> ends = new TreeSet<>();
    timesByMarket.values().forEach(ts -> ts.forEach(t -> ends.add(CandlePeriod.MINUTE.endOf(t))));
    List<Long> starts = new ArrayList<>();
    List<Long> stops = new ArrayList<>();
    for (long end : ends) {
      int last = stops.size() - 1;
      if (last >= 0 && stops.get(last) == end - MINUTE + 1) {
        stops.set(last, end + 1);
      } else {
        starts.add(end - MINUTE + 1);
        stops.add(end + 1);
      }
    }
    if (starts.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO candle_refresh_pending (range_start, range_end) SELECT kdp_micros(s),"
                + " kdp_micros(e) FROM unnest(?::bigint[], ?::bigint[]) AS w(s, e)")) {
      ps.setArray(1, c.createArrayOf("bigint", starts.toArray(Long[]::new)));
      ps.setArray(2, c.createArrayOf("bigint", stops.toArray(Long[]::new)));
      return ps.executeUpdate();
    }
  }

  /**
   * Refreshes every pending window in every aggregate, then deletes the windows refreshed. Runs
   * outside any transaction: {@code c} is switched to autocommit and back. Returns the windows.
   */
  public static int drain(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(true);
    try {
      long maxId = Long.MIN_VALUE;
      TreeMap<Long, Long> windows = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT id, (extract(epoch FROM range_start) * 1000000)::bigint,"
                      + " (extract(epoch FROM range_end) * 1000000)::bigint FROM"
                      + " candle_refresh_pending")) {
        while (rs.next()) {
          maxId = Math.max(maxId, rs.getLong(1));
          windows.merge(rs.getLong(2), rs.getLong(3), Math::max);
        }
      }
      if (windows.isEmpty()) {
        return 0;
      }
      for (CandlePeriod p : CandlePeriod.values()) {
        for (Map.Entry<Long, Long> w : merged(align(windows, p)).entrySet()) {
          refresh(c, p, w.getKey(), w.getValue());
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM candle_refresh_pending WHERE id <= ?")) {
        ps.setLong(1, maxId);
        ps.executeUpdate();
      }
      return windows.size();
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /**
   * The windows widened to whole buckets of {@code p} ({@code [end - length + 1 µs, end + 1 µs)}),
   * and by one more bucket on each side: TimescaleDB checks a refresh window against buckets
   * without their offset and refuses one that would cover a single offset bucket only. A refresh
   * recomputes only what changed in its window, so the neighbours cost little.
   */
  private static TreeMap<Long, Long> align(TreeMap<Long, Long> windows, CandlePeriod p) {
    TreeMap<Long, Long> out = new TreeMap<>();
    long length = p.micros();
    windows.forEach(
        (from, to) ->
            out.merge(p.endOf(from) - 2 * length + 1, p.endOf(to - 1) + length + 1, Math::max));
    return out;
  }

  /** Overlapping or adjacent windows joined. */
  private static TreeMap<Long, Long> merged(TreeMap<Long, Long> windows) {
    TreeMap<Long, Long> out = new TreeMap<>();
    Map.Entry<Long, Long> open = null;
    for (Map.Entry<Long, Long> w : windows.entrySet()) {
      if (open != null && w.getKey() <= open.getValue()) {
        open = Map.entry(open.getKey(), Math.max(open.getValue(), w.getValue()));
      } else {
        if (open != null) {
          out.put(open.getKey(), open.getValue());
        }
        open = w;
      }
    }
    out.put(open.getKey(), open.getValue());
    return out;
  }

  private static void refresh(Connection c, CandlePeriod p, long from, long to)
      throws SQLException {
    String suffix = p.table().substring("candles_".length());
    try (Statement s = c.createStatement()) {
      for (String kind : List.of("candle_trades_", "candle_quotes_")) {
        s.execute(
            "CALL refresh_continuous_aggregate('"
                + kind
                + suffix
                + "', '"
                + instant(from)
                + "'::timestamptz, '"
                + instant(to)
                + "'::timestamptz)");
      }
    }
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }
}
