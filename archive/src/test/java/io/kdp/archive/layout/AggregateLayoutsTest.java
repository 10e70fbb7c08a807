package io.kdp.archive.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdp.archive.parquet.Column;
import io.kdp.archive.parquet.ColumnType;
import io.kdp.testkit.SharedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The candle layout is read from the database: from a table's primary key on plain PostgreSQL, and
 * from the candles' (market, end_period_ts) identity where the candles are views (TimescaleDB).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AggregateLayoutsTest {

  private static final String EXPECTED_QUERY =
      "SELECT \"market\", \"end_period_ts\", \"volume\" FROM \"candles_1m\" WHERE \"end_period_ts\" > ? AND \"end_period_ts\""
          + " <= ? ORDER BY \"market\", \"end_period_ts\"";

  @Test
  void aTableIsOrderedByItsPrimaryKeyAndAViewByTheCandleIdentity() throws Exception {
    try (Connection c = SharedPostgres.createDatabase().connect();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE candles_1m (market text NOT NULL, end_period_ts timestamptz NOT NULL,"
              + " volume bigint NOT NULL, PRIMARY KEY (market, end_period_ts))");
      Layout table = AggregateLayouts.discover(c, "candles_1m");

      s.execute("ALTER TABLE candles_1m RENAME TO candle_base");
      s.execute("CREATE VIEW candles_1m AS SELECT market, end_period_ts, volume FROM candle_base");
      Layout view = AggregateLayouts.discover(c, "candles_1m");

      assertThat(table.query()).isEqualTo(EXPECTED_QUERY);
      assertThat(view.query()).isEqualTo(EXPECTED_QUERY);
      assertThat(view.columns().stream().map(Column::type).toList())
          .isEqualTo(List.of(ColumnType.STRING, ColumnType.TIMESTAMP_MICROS, ColumnType.INT64));
    }
  }

  @Test
  void aRelationWithNeitherKeyIsRefusedByName() throws Exception {
    try (Connection c = SharedPostgres.createDatabase().connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE VIEW candles_1h AS SELECT 'm'::text AS ticker, now() AS at");
      assertThatThrownBy(() -> AggregateLayouts.discover(c, "candles_1h"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("candles_1h has no primary key");
    }
  }
}
