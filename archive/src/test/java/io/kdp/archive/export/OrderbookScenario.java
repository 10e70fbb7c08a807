package io.kdp.archive.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-made production book history around {@link ProductionFixture#HOUR} whose archive file is
 * known row by row. OB-A: a ws snapshot before the hour with a delta before it (not applied) and
 * deltas after it (applied), a REST snapshot just before the hour (informational, not a start
 * base), two identical deltas in one millisecond, a REST snapshot mid-hour, and a switch to
 * gatherer b: a resync snapshot and b's delta at the same time (the resync, connection 0, first).
 * OB-B: no history before the hour. OB-C: history but nothing in the hour (not in the file).
 */
final class OrderbookScenario {

  private OrderbookScenario() {}

  static void insert(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO orderbook_snapshots (time, market, source, stream_key, yes_prices,"
              + " yes_sizes, no_prices, no_sizes, exchange_time, received_at, gatherer,"
              + " connection_id, sid, seq) VALUES"
              + snap(
                  "13:50:00",
                  "OB-A",
                  "ws",
                  "a/1/1/4",
                  "{100000}",
                  "{500}",
                  "{200000}",
                  "{300}",
                  "a",
                  1,
                  1,
                  4)
              + ","
              + snap(
                  "13:58:00", "OB-A", "rest", "rest", "{150000}", "{1}", "{}", "{}", "a", 0, 0, 0)
              + ","
              + snap(
                  "14:10:00", "OB-A", "rest", "rest", "{110000}", "{50}", "{}", "{}", "b", 0, 0, 0)
              + ","
              + snap(
                  "14:30:00",
                  "OB-A",
                  "resync",
                  "resync",
                  "{120000}",
                  "{900}",
                  "{}",
                  "{}",
                  "b",
                  0,
                  0,
                  0)
              + ","
              + snap(
                  "14:00:10",
                  "OB-B",
                  "ws",
                  "a/1/2/1",
                  "{}",
                  "{}",
                  "{250000}",
                  "{100}",
                  "a",
                  1,
                  2,
                  1)
              + ","
              + snap(
                  "13:40:00",
                  "OB-C",
                  "ws",
                  "a/1/3/1",
                  "{10000}",
                  "{100}",
                  "{}",
                  "{}",
                  "a",
                  1,
                  3,
                  1));
      s.execute(
          "INSERT INTO orderbook_deltas (time, market, side, price, delta, exchange_time,"
              + " received_at, gatherer, connection_id, sid, seq) VALUES"
              + delta("13:45:00", "OB-A", "yes", 100000, 999, 3)
              + ","
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
              + "('2026-11-20T14:30:00Z', 'OB-A', 'no', 300000, 400, NULL,"
              + " '2026-11-20T14:30:00.005Z', 'b', 2, 1, 40)"
              + ","
              + delta("14:00:20", "OB-B", "no", 250000, 100, 2)
              + ","
              + delta("15:00:00", "OB-A", "yes", 120000, 100, 11));
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
        snapshot(
            "OB-A",
            "rest",
            us("14:10:00"),
            "rest",
            "rest",
            "[110000]",
            "[50]",
            "[]",
            "[]",
            "b",
            0,
            0,
            0));
    rows.add(
        snapshot(
            "OB-A",
            "snapshot",
            us("14:30:00"),
            "resync",
            "resync",
            "[120000]",
            "[900]",
            "[]",
            "[]",
            "b",
            0,
            0,
            0));
    rows.add(
        Arrays.asList(
            "OB-A",
            "delta",
            us("14:30:00"),
            null,
            us("14:30:00") + 5000,
            null,
            null,
            "no",
            300000L,
            400L,
            null,
            null,
            null,
            null,
            "b",
            2L,
            1L,
            40L));
    rows.add(start("OB-B", hour, null, null, null, null));
    rows.add(
        snapshot(
            "OB-B",
            "snapshot",
            us("14:00:10"),
            "ws",
            "a/1/2/1",
            "[]",
            "[]",
            "[250000]",
            "[100]",
            "a",
            1,
            2,
            1));
    rows.add(delta("OB-B", us("14:00:20"), "no", 250000, 100, 2));
    return rows;
  }

  private static List<Object> start(
      String market, long hour, String yp, String ys, String np, String ns) {
    return Arrays.asList(
        market, "start", hour, null, null, null, null, null, null, null, yp, ys, np, ns, null, null,
        null, null);
  }

  private static List<Object> snapshot(
      String market,
      String kind,
      long t,
      String source,
      String key,
      String yp,
      String ys,
      String np,
      String ns,
      String g,
      long c,
      long sid,
      long seq) {
    return Arrays.asList(
        market, kind, t, t, t + 5000, source, key, null, null, null, yp, ys, np, ns, g, c, sid,
        seq);
  }

  private static List<Object> delta(
      String market, long t, String side, long price, long delta, long seq) {
    return Arrays.asList(
        market, "delta", t, t, t + 5000, null, null, side, price, delta, null, null, null, null,
        "a", 1L, 1L, seq);
  }

  static long us(String time) {
    return Instant.parse("2026-11-20T" + time + "Z").getEpochSecond() * 1_000_000L;
  }

  private static String snap(
      String t,
      String market,
      String source,
      String key,
      String yp,
      String ys,
      String np,
      String ns,
      String g,
      int conn,
      int sid,
      int seq) {
    return "('2026-11-20T"
        + t
        + "Z', '"
        + market
        + "', '"
        + source
        + "', '"
        + key
        + "', '"
        + yp
        + "', '"
        + ys
        + "', '"
        + np
        + "', '"
        + ns
        + "', '2026-11-20T"
        + t
        + "Z', '2026-11-20T"
        + t
        + ".005Z', '"
        + g
        + "', "
        + conn
        + ", "
        + sid
        + ", "
        + seq
        + ")";
  }

  private static String delta(
      String t, String market, String side, long price, long delta, long seq) {
    return "('2026-11-20T"
        + t
        + "Z', '"
        + market
        + "', '"
        + side
        + "', "
        + price
        + ", "
        + delta
        + ", '2026-11-20T"
        + t
        + "Z', '2026-11-20T"
        + t
        + ".005Z', 'a', 1, 1, "
        + seq
        + ")";
  }
}
