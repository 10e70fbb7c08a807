package io.kdp.bench.archive;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** Generated production rows (production schema of {@code store}) for one hour. */
final class BenchData {

  private BenchData() {}

  static void fill(Statement s, Instant hour, int rows, int markets) throws SQLException {
    String t = "'" + hour + "'::timestamptz + make_interval(secs => i * 3599.0 / " + rows + ")";
    String market = "'KXBENCH-26NOV20-T' || (i % " + markets + ")";
    s.execute(
        "INSERT INTO trades SELECT "
            + t
            + ", 'trade-' || i, "
            + market
            + ", 10000 * (1 + i % 99), 1000000 - 10000 * (1 + i % 99), 100 * (1 + i % 50),"
            + " CASE WHEN i % 2 = 0 THEN 'yes' ELSE 'no' END,"
            + " CASE WHEN i % 2 = 0 THEN 'yes' ELSE 'no' END, NULL, false, "
            + t
            + ", "
            + t
            + " + interval '3 ms', 'ws', 'g' || (i % 3) FROM generate_series(1::bigint, "
            + rows
            + ") i");
    s.execute(
        "INSERT INTO tickers SELECT "
            + t
            + ", "
            + market
            + ", i, 10000 * (1 + i % 99), 10000 * (i % 99), 10000 * (2 + i % 98), 100 * (i % 500),"
            + " 100 * (i % 700), 100 * (i % 7), 100 * i, 50 * i, 5000 * i, 2500 * i, "
            + t
            + ", "
            + t
            + " + interval '2 ms', 'g' || (i % 3) FROM generate_series(1::bigint, "
            + rows
            + ") i");
    s.execute(
        "INSERT INTO orderbook_deltas SELECT "
            + t
            + ", "
            + market
            + ", CASE WHEN i % 2 = 0 THEN 'yes' ELSE 'no' END, 10000 * (1 + i % 99),"
            + " CASE WHEN i % 3 = 0 THEN -100 ELSE 100 * (1 + i % 20) END, "
            + t
            + ", "
            + t
            + " + interval '1 ms', 'a', 1, 1 + i % "
            + markets
            + ", i FROM generate_series(1::bigint, "
            + rows
            + ") i");
    String before = "'" + hour + "'::timestamptz - interval '30 s'";
    s.execute(
        "INSERT INTO orderbook_snapshots SELECT "
            + before
            + ", 'KXBENCH-26NOV20-T' || m, 'ws', 'a/1/' || m || '/0',"
            + " ARRAY(SELECT 10000 * p FROM generate_series(1, 40) p),"
            + " ARRAY(SELECT 100 * p FROM generate_series(1, 40) p),"
            + " ARRAY(SELECT 10000 * p FROM generate_series(41, 80) p),"
            + " ARRAY(SELECT 100 * p FROM generate_series(1, 40) p), "
            + before
            + ", "
            + before
            + ", 'a', 1, m, 0 FROM generate_series(0, "
            + (markets - 1)
            + ") m");
  }
}
