package io.kdp.archive.export;

import io.kdp.testkit.SharedPostgres;
import io.kdp.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** A production database on the shared embedded PostgreSQL, with generated or hand-made rows. */
final class ProductionFixture {

  static final Instant HOUR = Instant.parse("2026-11-20T14:00:00Z");

  private ProductionFixture() {}

  static TestDatabase create() throws SQLException, IOException {
    TestDatabase db = SharedPostgres.createDatabase();
    try (InputStream in = ProductionFixture.class.getResourceAsStream("/production-schema.sql");
        Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return db;
  }

  /**
   * {@code trades} trades and as many tickers over {@code markets} markets spread over the hour
   * starting at {@code hour}, with every 97th exchange time missing; candles for each minute.
   */
  static void fill(Connection c, Instant hour, int trades, int markets) throws SQLException {
    String h = "'" + hour + "'::timestamptz";
    try (Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO trades SELECT "
              + h
              + " + make_interval(secs => i * 3599.0 / "
              + trades
              + ") + interval '0.003 s', CASE WHEN i % 97 = 0 THEN NULL ELSE "
              + h
              + " + make_interval(secs => i * 3599.0 / "
              + trades
              + ") END, 'trade-"
              + hour.getEpochSecond()
              + "-' || i, 'MKT-' || (i % "
              + markets
              + "), 10000 * (1 + i % 99), 1000000 - 10000 * (1 + i % 99), 100 * (1 + i % 50),"
              + " CASE WHEN i % 3 = 0 THEN NULL WHEN i % 2 = 0 THEN 'yes' ELSE 'no' END,"
              + " i % 11 = 0, CASE WHEN i % 5 = 0 THEN 'rest' ELSE 'ws' END, 'g' || (i % 3)"
              + " FROM generate_series(1, "
              + trades
              + ") i");
      s.execute(
          "INSERT INTO tickers SELECT "
              + h
              + " + make_interval(secs => i * 3599.0 / "
              + trades
              + ") + interval '0.002 s', CASE WHEN i % 97 = 0 THEN NULL ELSE "
              + h
              + " + make_interval(secs => i * 3599.0 / "
              + trades
              + ") END, 'MKT-' || (i % "
              + markets
              + "), 10000 * (1 + i % 99), 10000 * (i % 99), 10000 * (2 + i % 98), 100 * i,"
              + " 200 * i, 100 * (i % 7), 100 * i, 50 * i, 5000 * i, 2500 * i, 'g' || (i % 3),"
              + " i % 4, 1 + i % 2, i FROM generate_series(1, "
              + trades
              + ") i");
      for (String table : new String[] {"candles_1m", "candles_1h", "candles_1d"}) {
        s.execute(
            "INSERT INTO "
                + table
                + " SELECT 'MKT-' || m, "
                + h
                + " + make_interval(mins => t), CASE WHEN t % 4 = 0 THEN NULL ELSE 10000 * t END,"
                + " 20000 * t, 5000 * t, 15000 * t, 100 * t * m, 10000, 20000"
                + " FROM generate_series(0, 59) t, generate_series(0, 2) m");
      }
    }
  }
}
