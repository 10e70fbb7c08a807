-- Stand-in for the production schema (branch dedup, store/src/main/resources/db/production/) until
-- it lands: the gatherer time-series columns and types (bigint micro-dollars, bigint hundredths,
-- timestamptz), without the gatherer-local position, plus candle tables with a primary key.
CREATE TABLE trades (
  received_at timestamptz NOT NULL, exchange_time timestamptz, trade_id text PRIMARY KEY,
  market text NOT NULL, yes_price bigint NOT NULL, no_price bigint NOT NULL, count bigint NOT NULL,
  taker_side text, block_trade boolean NOT NULL, source text NOT NULL, gatherer text NOT NULL);
CREATE TABLE tickers (
  received_at timestamptz NOT NULL, exchange_time timestamptz, market text NOT NULL,
  price bigint NOT NULL, yes_bid bigint NOT NULL, yes_ask bigint NOT NULL,
  yes_bid_size bigint NOT NULL, yes_ask_size bigint NOT NULL, last_trade_size bigint NOT NULL,
  volume bigint NOT NULL, open_interest bigint NOT NULL, dollar_volume bigint NOT NULL,
  dollar_open_interest bigint NOT NULL, gatherer text NOT NULL, connection_id bigint NOT NULL,
  sid integer NOT NULL, seq bigint NOT NULL);
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
  market text NOT NULL, period_start timestamptz NOT NULL, open bigint, high bigint, low bigint,
  close bigint, volume bigint NOT NULL, yes_bid_close bigint, yes_ask_close bigint,
  PRIMARY KEY (market, period_start));
CREATE TABLE candles_1h (LIKE candles_1m INCLUDING ALL);
CREATE TABLE candles_1d (LIKE candles_1m INCLUDING ALL);
