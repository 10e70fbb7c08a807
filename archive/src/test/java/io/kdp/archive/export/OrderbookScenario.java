package io.kdp.archive.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-made book history around {@link ProductionFixture#HOUR} whose archive file is known row by
 * row: OB-A has a snapshot and deltas before the hour (so its start book must be rebuilt), two
 * identical deltas in one millisecond, a REST snapshot mid-hour and a delta without exchange time;
 * OB-B has no history before the hour; OB-C has history but nothing in the hour (not in the file).
 */
final class OrderbookScenario {

  private OrderbookScenario() {}

  static void insert(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO orderbook_snapshots VALUES"
              + snap("13:50:00", "OB-A", "rest", "{100000}", "{500}", "{200000}", "{300}", 0)
              + ","
              + snap("14:30:00", "OB-A", "rest", "{120000}", "{900}", "{}", "{}", 0)
              + ","
              + snap("14:00:10", "OB-B", "ws", "{}", "{}", "{250000}", "{100}", 1)
              + ","
              + snap("13:40:00", "OB-C", "rest", "{10000}", "{100}", "{}", "{}", 0));
      s.execute(
          "INSERT INTO orderbook_deltas VALUES"
              + delta("13:55:00", "OB-A", "yes", 100000, 200, 5)
              + ","
              + delta("13:55:01", "OB-A", "yes", 110000, 100, 6)
              + ","
              + delta("13:59:00", "OB-A", "no", 200000, -300, 7)
              + ","
              + delta("14:00:01", "OB-A", "yes", 110000, -100, 8)
              + ","
              + delta("14:00:02", "OB-A", "yes", 110000, 50, 9)
              + ","
              + delta("14:00:02", "OB-A", "yes", 110000, 50, 10)
              + ","
              + "('2026-11-20T14:45:00Z', NULL, 'OB-A', 'no', 300000, 400, 'a', 1, 1, 11)"
              + ","
              + delta("14:00:20", "OB-B", "no", 250000, 100, 2)
              + ","
              + delta("15:00:00", "OB-A", "yes", 120000, 100, 12));
    }
  }

  /** The rows of the hour's file as DuckDB reads them (lists as text, times as µs). */
  static List<List<Object>> expected() {
    long hour = ProductionFixture.HOUR.getEpochSecond() * 1_000_000L;
    List<List<Object>> rows = new ArrayList<>();
    rows.add(start("OB-A", hour, "[100000, 110000]", "[700, 100]", "[]", "[]"));
    rows.add(delta("OB-A", us("14:00:01"), "yes", 110000, -100, 8));
    rows.add(delta("OB-A", us("14:00:02"), "yes", 110000, 50, 9));
    rows.add(delta("OB-A", us("14:00:02"), "yes", 110000, 50, 10));
    rows.add(
        Arrays.asList(
            "OB-A",
            "snapshot",
            us("14:30:00"),
            us("14:30:00") + 5000,
            "rest",
            null,
            null,
            null,
            "[120000]",
            "[900]",
            "[]",
            "[]",
            "a",
            0L,
            0L,
            0L));
    rows.add(
        Arrays.asList(
            "OB-A",
            "delta",
            null,
            us("14:45:00"),
            null,
            "no",
            300000L,
            400L,
            null,
            null,
            null,
            null,
            "a",
            1L,
            1L,
            11L));
    rows.add(start("OB-B", hour, null, null, null, null));
    rows.add(
        Arrays.asList(
            "OB-B",
            "snapshot",
            us("14:00:10"),
            us("14:00:10") + 5000,
            "ws",
            null,
            null,
            null,
            "[]",
            "[]",
            "[250000]",
            "[100]",
            "a",
            1L,
            1L,
            1L));
    rows.add(delta("OB-B", us("14:00:20"), "no", 250000, 100, 2));
    return rows;
  }

  private static List<Object> start(
      String market, long hour, String yp, String ys, String np, String ns) {
    return Arrays.asList(
        market, "start", hour, null, null, null, null, null, yp, ys, np, ns, null, null, null,
        null);
  }

  private static List<Object> delta(
      String market, long t, String side, long price, long delta, long seq) {
    return Arrays.asList(
        market, "delta", t, t + 5000, null, side, price, delta, null, null, null, null, "a", 1L, 1L,
        seq);
  }

  static long us(String time) {
    return Instant.parse("2026-11-20T" + time + "Z").getEpochSecond() * 1_000_000L;
  }

  private static String snap(
      String t, String market, String source, String yp, String ys, String np, String ns, int n) {
    return "('2026-11-20T"
        + t
        + ".005Z', '2026-11-20T"
        + t
        + "Z', '"
        + market
        + "', '"
        + source
        + "', '"
        + yp
        + "', '"
        + ys
        + "', '"
        + np
        + "', '"
        + ns
        + "', 'a', "
        + n
        + ", "
        + n
        + ", "
        + n
        + ")";
  }

  private static String delta(
      String t, String market, String side, long price, long delta, long seq) {
    return "('2026-11-20T"
        + t
        + ".005Z', '2026-11-20T"
        + t
        + "Z', '"
        + market
        + "', '"
        + side
        + "', "
        + price
        + ", "
        + delta
        + ", 'a', 1, 1, "
        + seq
        + ")";
  }
}
