-- Production migration V2 on TimescaleDB (ProductionEngine.TIMESCALEDB). ${compress_after} is the
-- compression age (kdp.dedup.compress-after), comfortably past the dedup window and the late-data
-- horizon, so that late back-filled rows land in chunks still uncompressed.

SELECT create_hypertable('trades', by_range('time', INTERVAL '1 day'), create_default_indexes => false);
SELECT create_hypertable('tickers', by_range('time', INTERVAL '1 day'), create_default_indexes => false);
SELECT create_hypertable('orderbook_snapshots', by_range('time', INTERVAL '1 day'), create_default_indexes => false);
SELECT create_hypertable('orderbook_deltas', by_range('time', INTERVAL '1 day'), create_default_indexes => false);
ALTER TABLE trades SET (timescaledb.compress, timescaledb.compress_segmentby = 'market', timescaledb.compress_orderby = 'time');
ALTER TABLE tickers SET (timescaledb.compress, timescaledb.compress_segmentby = 'market', timescaledb.compress_orderby = 'time');
ALTER TABLE orderbook_snapshots SET (timescaledb.compress, timescaledb.compress_segmentby = 'market', timescaledb.compress_orderby = 'time');
ALTER TABLE orderbook_deltas SET (timescaledb.compress, timescaledb.compress_segmentby = 'market', timescaledb.compress_orderby = 'time');
SELECT add_compression_policy('trades', compress_after => INTERVAL '${compress_after}', if_not_exists => true);
SELECT add_compression_policy('tickers', compress_after => INTERVAL '${compress_after}', if_not_exists => true);
SELECT add_compression_policy('orderbook_snapshots', compress_after => INTERVAL '${compress_after}', if_not_exists => true);
SELECT add_compression_policy('orderbook_deltas', compress_after => INTERVAL '${compress_after}', if_not_exists => true);

-- Minutes, hours and days whose candles a merge touched, recorded in the merge's transaction and
-- refreshed after it commits (refresh_continuous_aggregate cannot run in a transaction): the
-- half-open window [range_start, range_end) of whole 1-minute buckets. Deleted once refreshed.
CREATE TABLE candle_refresh_pending (
  id          bigserial   PRIMARY KEY,
  range_start timestamptz NOT NULL,
  range_end   timestamptz NOT NULL
);

-- Continuous aggregates. A bucket of time_bucket(width, time, "offset" => 1 µs) is
-- [start + 1 µs, end + 1 µs), which for µs timestamps is Kalshi's (start, end]: the candle labelled
-- end_period_ts = bucket + width - 1 µs. Trades and tickers are two hypertables, which one
-- aggregate cannot join: candle_trades_* and candle_quotes_*, hourly and daily ones built on the
-- minutes (hierarchical), joined by the candles_* views.
CREATE MATERIALIZED VIEW candle_trades_1m WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT market, time_bucket(INTERVAL '1 minute', time, "offset" => INTERVAL '1 microsecond') AS bucket,
  first(yes_price, time) AS price_open, max(yes_price) AS price_high, min(yes_price) AS price_low,
  last(yes_price, time) AS price_close, sum(count) AS volume, count(*) AS trade_count,
  sum(yes_price * count) AS price_count_sum
FROM trades GROUP BY market, 2 WITH NO DATA;
CREATE MATERIALIZED VIEW candle_trades_1h WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT market, time_bucket(INTERVAL '1 hour', bucket, "offset" => INTERVAL '1 microsecond') AS bucket,
  first(price_open, bucket) AS price_open, max(price_high) AS price_high, min(price_low) AS price_low,
  last(price_close, bucket) AS price_close, sum(volume) AS volume, sum(trade_count) AS trade_count,
  sum(price_count_sum) AS price_count_sum
FROM candle_trades_1m GROUP BY market, 2 WITH NO DATA;
CREATE MATERIALIZED VIEW candle_trades_1d WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT market, time_bucket(INTERVAL '1 day', bucket, "offset" => INTERVAL '1 microsecond') AS bucket,
  first(price_open, bucket) AS price_open, max(price_high) AS price_high, min(price_low) AS price_low,
  last(price_close, bucket) AS price_close, sum(volume) AS volume, sum(trade_count) AS trade_count,
  sum(price_count_sum) AS price_count_sum
FROM candle_trades_1h GROUP BY market, 2 WITH NO DATA;
CREATE MATERIALIZED VIEW candle_quotes_1m WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT market, time_bucket(INTERVAL '1 minute', time, "offset" => INTERVAL '1 microsecond') AS bucket,
  first(yes_bid, time) AS yes_bid_open, max(yes_bid) AS yes_bid_high, min(yes_bid) AS yes_bid_low,
  last(yes_bid, time) AS yes_bid_close, first(yes_ask, time) AS yes_ask_open,
  max(yes_ask) AS yes_ask_high, min(yes_ask) AS yes_ask_low, last(yes_ask, time) AS yes_ask_close,
  last(open_interest, time) AS open_interest
FROM tickers GROUP BY market, 2 WITH NO DATA;
CREATE MATERIALIZED VIEW candle_quotes_1h WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT market, time_bucket(INTERVAL '1 hour', bucket, "offset" => INTERVAL '1 microsecond') AS bucket,
  first(yes_bid_open, bucket) AS yes_bid_open, max(yes_bid_high) AS yes_bid_high,
  min(yes_bid_low) AS yes_bid_low, last(yes_bid_close, bucket) AS yes_bid_close,
  first(yes_ask_open, bucket) AS yes_ask_open, max(yes_ask_high) AS yes_ask_high,
  min(yes_ask_low) AS yes_ask_low, last(yes_ask_close, bucket) AS yes_ask_close,
  last(open_interest, bucket) AS open_interest
FROM candle_quotes_1m GROUP BY market, 2 WITH NO DATA;
CREATE MATERIALIZED VIEW candle_quotes_1d WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT market, time_bucket(INTERVAL '1 day', bucket, "offset" => INTERVAL '1 microsecond') AS bucket,
  first(yes_bid_open, bucket) AS yes_bid_open, max(yes_bid_high) AS yes_bid_high,
  min(yes_bid_low) AS yes_bid_low, last(yes_bid_close, bucket) AS yes_bid_close,
  first(yes_ask_open, bucket) AS yes_ask_open, max(yes_ask_high) AS yes_ask_high,
  min(yes_ask_low) AS yes_ask_low, last(yes_ask_close, bucket) AS yes_ask_close,
  last(open_interest, bucket) AS open_interest
FROM candle_quotes_1h GROUP BY market, 2 WITH NO DATA;

-- The candles, with the same columns as the plain engine's tables. price_previous (the last trade
-- at or before the period's start) is read from trades when queried: an aggregate cannot see
-- before its bucket, and a back-filled trade changes the next candles' previous.
CREATE VIEW candles_1m AS
SELECT k.market, k.bucket + INTERVAL '1 minute' - INTERVAL '1 microsecond' AS end_period_ts,
  t.price_open, t.price_high, t.price_low, t.price_close,
  coalesce(t.volume, 0)::bigint AS volume, coalesce(t.trade_count, 0)::bigint AS trade_count,
  q.yes_bid_open, q.yes_bid_high, q.yes_bid_low, q.yes_bid_close,
  q.yes_ask_open, q.yes_ask_high, q.yes_ask_low, q.yes_ask_close, q.open_interest,
  (div(t.price_count_sum + 50 * t.volume, 100 * nullif(t.volume, 0)) * 100)::bigint AS price_mean,
  (SELECT p.yes_price FROM trades p WHERE p.market = k.market
     AND p.time <= k.bucket - INTERVAL '1 microsecond'
   ORDER BY p.time DESC, p.trade_id DESC LIMIT 1) AS price_previous,
  coalesce(t.price_count_sum, 0)::bigint AS price_count_sum
FROM (SELECT market, bucket FROM candle_trades_1m UNION SELECT market, bucket FROM candle_quotes_1m) k
LEFT JOIN candle_trades_1m t ON t.market = k.market AND t.bucket = k.bucket
LEFT JOIN candle_quotes_1m q ON q.market = k.market AND q.bucket = k.bucket;
CREATE VIEW candles_1h AS
SELECT k.market, k.bucket + INTERVAL '1 hour' - INTERVAL '1 microsecond' AS end_period_ts,
  t.price_open, t.price_high, t.price_low, t.price_close,
  coalesce(t.volume, 0)::bigint AS volume, coalesce(t.trade_count, 0)::bigint AS trade_count,
  q.yes_bid_open, q.yes_bid_high, q.yes_bid_low, q.yes_bid_close,
  q.yes_ask_open, q.yes_ask_high, q.yes_ask_low, q.yes_ask_close, q.open_interest,
  (div(t.price_count_sum + 50 * t.volume, 100 * nullif(t.volume, 0)) * 100)::bigint AS price_mean,
  (SELECT p.yes_price FROM trades p WHERE p.market = k.market
     AND p.time <= k.bucket - INTERVAL '1 microsecond'
   ORDER BY p.time DESC, p.trade_id DESC LIMIT 1) AS price_previous,
  coalesce(t.price_count_sum, 0)::bigint AS price_count_sum
FROM (SELECT market, bucket FROM candle_trades_1h UNION SELECT market, bucket FROM candle_quotes_1h) k
LEFT JOIN candle_trades_1h t ON t.market = k.market AND t.bucket = k.bucket
LEFT JOIN candle_quotes_1h q ON q.market = k.market AND q.bucket = k.bucket;
CREATE VIEW candles_1d AS
SELECT k.market, k.bucket + INTERVAL '1 day' - INTERVAL '1 microsecond' AS end_period_ts,
  t.price_open, t.price_high, t.price_low, t.price_close,
  coalesce(t.volume, 0)::bigint AS volume, coalesce(t.trade_count, 0)::bigint AS trade_count,
  q.yes_bid_open, q.yes_bid_high, q.yes_bid_low, q.yes_bid_close,
  q.yes_ask_open, q.yes_ask_high, q.yes_ask_low, q.yes_ask_close, q.open_interest,
  (div(t.price_count_sum + 50 * t.volume, 100 * nullif(t.volume, 0)) * 100)::bigint AS price_mean,
  (SELECT p.yes_price FROM trades p WHERE p.market = k.market
     AND p.time <= k.bucket - INTERVAL '1 microsecond'
   ORDER BY p.time DESC, p.trade_id DESC LIMIT 1) AS price_previous,
  coalesce(t.price_count_sum, 0)::bigint AS price_count_sum
FROM (SELECT market, bucket FROM candle_trades_1d UNION SELECT market, bucket FROM candle_quotes_1d) k
LEFT JOIN candle_trades_1d t ON t.market = k.market AND t.bucket = k.bucket
LEFT JOIN candle_quotes_1d q ON q.market = k.market AND q.bucket = k.bucket;
