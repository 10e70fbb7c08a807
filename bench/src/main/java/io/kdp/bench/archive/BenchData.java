package io.kdp.bench.archive;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The production tables the archive reads (stand-in with the gatherer schema's column types until
 * the production migrations land) and generated rows for one hour.
 */
final class BenchData {

  static final String SCHEMA =
      """
      CREATE TABLE trades (
        received_at timestamptz NOT NULL, exchange_time timestamptz, trade_id text PRIMARY KEY,
        market text NOT NULL, yes_price bigint NOT NULL, no_price bigint NOT NULL,
        count bigint NOT NULL, taker_side text, block_trade boolean NOT NULL,
        source text NOT NULL, gatherer text NOT NULL);
      CREATE TABLE tickers (
        received_at timestamptz NOT NULL, exchange_time timestamptz, market text NOT NULL,
        price bigint NOT NULL, yes_bid bigint NOT NULL, yes_ask bigint NOT NULL,
        yes_bid_size bigint NOT NULL, yes_ask_size bigint NOT NULL,
        last_trade_size bigint NOT NULL, volume bigint NOT NULL, open_interest bigint NOT NULL,
        dollar_volume bigint NOT NULL, dollar_open_interest bigint NOT NULL,
        gatherer text NOT NULL, connection_id bigint NOT NULL, sid integer NOT NULL,
        seq bigint NOT NULL);
      CREATE TABLE orderbook_deltas (
        received_at timestamptz NOT NULL, exchange_time timestamptz, market text NOT NULL,
        side text NOT NULL, price bigint NOT NULL, delta bigint NOT NULL, gatherer text NOT NULL,
        connection_id bigint NOT NULL, sid integer NOT NULL, seq bigint NOT NULL);
      CREATE TABLE orderbook_snapshots (
        received_at timestamptz NOT NULL, exchange_time timestamptz, market text NOT NULL,
        source text NOT NULL, yes_prices bigint[] NOT NULL, yes_sizes bigint[] NOT NULL,
        no_prices bigint[] NOT NULL, no_sizes bigint[] NOT NULL, gatherer text NOT NULL,
        connection_id bigint NOT NULL, sid integer NOT NULL, seq bigint NOT NULL);
      CREATE INDEX ON trades (exchange_time);
      CREATE INDEX ON tickers (exchange_time);
      CREATE INDEX ON orderbook_deltas (exchange_time);
      CREATE INDEX ON orderbook_snapshots (exchange_time);
      CREATE TABLE candles_1m (
        market text NOT NULL, period_start timestamptz NOT NULL, open bigint, high bigint,
        low bigint, close bigint, volume bigint NOT NULL, yes_bid_close bigint,
        yes_ask_close bigint, PRIMARY KEY (market, period_start));
      CREATE TABLE candles_1h (LIKE candles_1m INCLUDING ALL);
      CREATE TABLE candles_1d (LIKE candles_1m INCLUDING ALL);
      """;

  private BenchData() {}

  static void fill(Statement s, Instant hour, int rows, int markets) throws SQLException {
    String t = "'" + hour + "'::timestamptz + make_interval(secs => i * 3599.0 / " + rows + ")";
    String market = "'KXBENCH-26NOV20-T' || (i % " + markets + ")";
    s.execute(
        "INSERT INTO trades SELECT "
            + t
            + " + interval '3 ms', "
            + t
            + ", 'trade-' || i, "
            + market
            + ", 10000 * (1 + i % 99), 1000000 - 10000 * (1 + i % 99), 100 * (1 + i % 50),"
            + " CASE WHEN i % 2 = 0 THEN 'yes' ELSE 'no' END, false, 'ws', 'g' || (i % 3)"
            + " FROM generate_series(1, "
            + rows
            + ") i");
    s.execute(
        "INSERT INTO tickers SELECT "
            + t
            + " + interval '2 ms', "
            + t
            + ", "
            + market
            + ", 10000 * (1 + i % 99), 10000 * (i % 99), 10000 * (2 + i % 98), 100 * (i % 500),"
            + " 100 * (i % 700), 100 * (i % 7), 100 * i, 50 * i, 5000 * i, 2500 * i,"
            + " 'g' || (i % 3), 1, 1 + i % 2, i FROM generate_series(1, "
            + rows
            + ") i");
    s.execute(
        "INSERT INTO orderbook_deltas SELECT "
            + t
            + " + interval '1 ms', "
            + t
            + ", "
            + market
            + ", CASE WHEN i % 2 = 0 THEN 'yes' ELSE 'no' END, 10000 * (1 + i % 99),"
            + " CASE WHEN i % 3 = 0 THEN -100 ELSE 100 * (1 + i % 20) END, 'a', 1, 1, i"
            + " FROM generate_series(1, "
            + rows
            + ") i");
    s.execute(
        "INSERT INTO orderbook_snapshots SELECT '"
            + hour
            + "'::timestamptz - interval '30 s', '"
            + hour
            + "'::timestamptz - interval '30 s', 'KXBENCH-26NOV20-T' || m, 'rest',"
            + " ARRAY(SELECT 10000 * p FROM generate_series(1, 40) p),"
            + " ARRAY(SELECT 100 * p FROM generate_series(1, 40) p),"
            + " ARRAY(SELECT 10000 * p FROM generate_series(41, 80) p),"
            + " ARRAY(SELECT 100 * p FROM generate_series(1, 40) p), 'a', 0, 0, 0"
            + " FROM generate_series(0, "
            + (markets - 1)
            + ") m");
  }
}
