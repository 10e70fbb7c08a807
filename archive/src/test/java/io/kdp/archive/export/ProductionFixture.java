package io.kdp.archive.export;

import io.kdp.store.production.ProductionStore;
import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** A production database (the real production migrations) on the shared embedded PostgreSQL. */
final class ProductionFixture {

  static final Instant HOUR = Instant.parse("2026-11-20T14:00:00Z");

  private ProductionFixture() {}

  static TestDatabase create() {
    TestDatabase db = SharedPostgres.createDatabase();
    ProductionStore.migrate(db.dataSource());
    return db;
  }

  /**
   * {@code trades} trades and as many tickers over {@code markets} markets spread over the hour
   * starting at {@code hour}, every 97th without exchange time; 1-minute and 1-hour candles of 3
   * markets ending in (hour, hour + 1h], labelled by their inclusive end as production does.
   */
  static void fill(Connection c, Instant hour, int trades, int markets) throws SQLException {
    String t = "'" + hour + "'::timestamptz + make_interval(secs => i * 3599.0 / " + trades + ")";
    String exchange = "CASE WHEN i % 97 = 0 THEN NULL ELSE " + t + " END";
    String market = "'MKT-' || (i % " + markets + ")";
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO trades SELECT "
              + t
              + ", 'trade-"
              + hour.getEpochSecond()
              + "-' || i, "
              + market
              + ", 10000 * (1 + i % 99), 1000000 - 10000 * (1 + i % 99), 100 * (1 + i % 50),"
              + " CASE WHEN i % 3 = 0 THEN NULL WHEN i % 2 = 0 THEN 'yes' ELSE 'no' END,"
              + " CASE WHEN i % 2 = 0 THEN 'yes' ELSE 'no' END, NULL, i % 11 = 0, "
              + exchange
              + ", "
              + t
              + " + interval '3 ms', CASE WHEN i % 5 = 0 THEN 'rest' ELSE 'ws' END, 'g' || (i % 3)"
              + " FROM generate_series(1, "
              + trades
              + ") i");
      s.execute(
          "INSERT INTO tickers SELECT "
              + t
              + ", "
              + market
              + ", i * 7919, 10000 * (1 + i % 99), 10000 * (i % 99), 10000 * (2 + i % 98),"
              + " 100 * i, 200 * i, 100 * (i % 7), 100 * i, 50 * i, 5000 * i, 2500 * i, "
              + exchange
              + ", "
              + t
              + " + interval '2 ms', 'g' || (i % 3) FROM generate_series(1, "
              + trades
              + ") i");
      candles(s, "candles_1m", hour, "make_interval(mins => n)", 60);
      candles(s, "candles_1h", hour, "interval '1 hour'", 1);
    }
  }

  private static void candles(Statement s, String table, Instant hour, String end, int count)
      throws SQLException {
    s.execute(
        "INSERT INTO "
            + table
            + " SELECT 'MKT-' || m, '"
            + hour
            + "'::timestamptz + "
            + end
            + ", CASE WHEN n % 4 = 0 THEN NULL ELSE 10000 * n END, 20000 * n, 5000 * n,"
            + " 15000 * n, 100 * n * m, n, 10000, 11000, 9000, 10500, 20000, 21000, 19000,"
            + " 20500, 100 * m FROM generate_series(1, "
            + count
            + ") n, generate_series(0, 2) m");
  }
}
