-- Production migration V2 on plain PostgreSQL (ProductionEngine.PARTITIONED): a default partition
-- per time-series table, so that no row is ever refused for want of a day partition, and the
-- candle rollup tables the deduplicator keeps current (CandleRollup).

CREATE TABLE trades_default PARTITION OF trades DEFAULT;
CREATE TABLE tickers_default PARTITION OF tickers DEFAULT;
CREATE TABLE orderbook_snapshots_default PARTITION OF orderbook_snapshots DEFAULT;
CREATE TABLE orderbook_deltas_default PARTITION OF orderbook_deltas DEFAULT;

-- Candles as Kalshi's candlesticks endpoint: period (end - interval, end], labelled by its
-- inclusive end end_period_ts. Trade OHLC (null without trades), volume, trade count; quote OHLC of
-- the best YES bid and ask from tickers; open interest at the period's last ticker; price_mean the
-- volume-weighted mean trade price rounded half up to 0.0001 (price_count_sum / volume);
-- price_previous the last trade price at or before the period's start (docs/production.md).
CREATE TABLE candles_1m (
  market          text        NOT NULL,
  end_period_ts   timestamptz NOT NULL,
  price_open      bigint,
  price_high      bigint,
  price_low       bigint,
  price_close     bigint,
  volume          bigint      NOT NULL,
  trade_count     bigint      NOT NULL,
  yes_bid_open    bigint,
  yes_bid_high    bigint,
  yes_bid_low     bigint,
  yes_bid_close   bigint,
  yes_ask_open    bigint,
  yes_ask_high    bigint,
  yes_ask_low     bigint,
  yes_ask_close   bigint,
  open_interest   bigint,
  price_mean      bigint,
  price_previous  bigint,
  price_count_sum bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (market, end_period_ts)
);
CREATE TABLE candles_1h (LIKE candles_1m INCLUDING ALL);
CREATE TABLE candles_1d (LIKE candles_1m INCLUDING ALL);
