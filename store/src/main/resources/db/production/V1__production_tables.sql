-- Production database (DESIGN.md §3): what the deduplicator merged from the gatherers, exactly
-- once. Written only by the deduplicator. Units as in the gatherer schema: prices bigint
-- micro-dollars, counts bigint hundredths of a contract, times timestamptz (µs).
--
-- "time" is the row's event time, the partitioning column: the exchange time when Kalshi sent one,
-- else the time carried along the row's own (connection, sid) stream (docs/production.md). The
-- time-series tables are range-partitioned by UTC day on "time", with a default partition so that
-- no row is ever refused; ProductionStore creates the day partitions the deduplicator writes into.

-- Unix microseconds to timestamptz, exactly (null stays null): how the deduplicator passes times.
CREATE FUNCTION kdp_micros(bigint) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN 'epoch'::timestamptz + $1 * interval '1 microsecond';

CREATE TABLE trades (
  time               timestamptz NOT NULL,
  trade_id           text        NOT NULL,
  market             text        NOT NULL,
  yes_price          bigint      NOT NULL,
  no_price           bigint      NOT NULL,
  count              bigint      NOT NULL,
  taker_side         text,
  taker_outcome_side text,
  taker_book_side    text,
  block_trade        boolean     NOT NULL,
  exchange_time      timestamptz,
  received_at        timestamptz NOT NULL,
  source             text        NOT NULL,
  gatherer           text        NOT NULL
) PARTITION BY RANGE (time);
CREATE TABLE trades_default PARTITION OF trades DEFAULT;
CREATE INDEX trades_market_time ON trades (market, time);

-- One row per trade ever merged: the uniqueness on trade_id alone that a partitioned table cannot
-- enforce (its unique keys must include "time").
CREATE TABLE trade_ids (
  trade_id text        PRIMARY KEY,
  time     timestamptz NOT NULL
);

CREATE TABLE tickers (
  time                 timestamptz NOT NULL,
  market               text        NOT NULL,
  content_hash         bigint      NOT NULL,
  price                bigint      NOT NULL,
  yes_bid              bigint      NOT NULL,
  yes_ask              bigint      NOT NULL,
  yes_bid_size         bigint      NOT NULL,
  yes_ask_size         bigint      NOT NULL,
  last_trade_size      bigint      NOT NULL,
  volume               bigint      NOT NULL,
  open_interest        bigint      NOT NULL,
  dollar_volume        bigint      NOT NULL,
  dollar_open_interest bigint      NOT NULL,
  exchange_time        timestamptz,
  received_at          timestamptz NOT NULL,
  gatherer             text        NOT NULL,
  UNIQUE (market, time, content_hash)
) PARTITION BY RANGE (time);
CREATE TABLE tickers_default PARTITION OF tickers DEFAULT;

-- Book resets: 'ws' (a chosen gatherer's own snapshot, in its stream), 'resync' (written by the
-- deduplicator on a switch of gatherer: the new gatherer's book at the window start), 'rest' (one
-- per market and minute, informational: not part of book replay). stream_key makes each kind's
-- identity one unique key: 'g/connection/sid/seq' for ws, 'resync' for resync, 'rest' for rest.
CREATE TABLE orderbook_snapshots (
  time          timestamptz NOT NULL,
  market        text        NOT NULL,
  source        text        NOT NULL CHECK (source IN ('ws', 'rest', 'resync')),
  stream_key    text        NOT NULL,
  yes_prices    bigint[]    NOT NULL,
  yes_sizes     bigint[]    NOT NULL,
  no_prices     bigint[]    NOT NULL,
  no_sizes      bigint[]    NOT NULL,
  exchange_time timestamptz,
  received_at   timestamptz NOT NULL,
  gatherer      text        NOT NULL,
  connection_id bigint      NOT NULL,
  sid           integer     NOT NULL,
  seq           bigint      NOT NULL,
  UNIQUE (market, time, source, stream_key)
) PARTITION BY RANGE (time);
CREATE TABLE orderbook_snapshots_default PARTITION OF orderbook_snapshots DEFAULT;

-- Deltas are never deduplicated on content: the key is the delta's provenance, so identical
-- consecutive deltas (same market, side, price, size, millisecond) all stay: their seq differ.
CREATE TABLE orderbook_deltas (
  time          timestamptz NOT NULL,
  market        text        NOT NULL,
  side          text        NOT NULL CHECK (side IN ('yes', 'no')),
  price         bigint      NOT NULL,
  delta         bigint      NOT NULL,
  exchange_time timestamptz,
  received_at   timestamptz NOT NULL,
  gatherer      text        NOT NULL,
  connection_id bigint      NOT NULL,
  sid           integer     NOT NULL,
  seq           bigint      NOT NULL,
  UNIQUE (market, time, gatherer, connection_id, sid, seq)
) PARTITION BY RANGE (time);
CREATE TABLE orderbook_deltas_default PARTITION OF orderbook_deltas DEFAULT;

-- Which gatherer's book stream production copied, per market, as runs of windows; gatherer null
-- is a hole: no gatherer had a clean stream over [window_start, window_end).
CREATE TABLE coverage (
  market       text        NOT NULL,
  window_start timestamptz NOT NULL,
  window_end   timestamptz NOT NULL,
  gatherer     text,
  PRIMARY KEY (market, window_start)
);
CREATE INDEX coverage_holes ON coverage (window_start) WHERE gatherer IS NULL;

-- Latest state of the metadata, the whole row as the gatherer stored it in "state".
CREATE TABLE series (
  ticker          text        PRIMARY KEY,
  last_updated_ts timestamptz,
  state           jsonb       NOT NULL,
  updated_at      timestamptz NOT NULL,
  gatherer        text        NOT NULL
);

CREATE TABLE events (
  event_ticker    text        PRIMARY KEY,
  series_ticker   text,
  last_updated_ts timestamptz,
  state           jsonb       NOT NULL,
  updated_at      timestamptz NOT NULL,
  gatherer        text        NOT NULL
);

CREATE TABLE markets (
  ticker                text        PRIMARY KEY,
  event_ticker          text,
  status                text,
  result                text,
  settlement_value      bigint,
  exchange_updated_time timestamptz,
  state                 jsonb       NOT NULL,
  updated_at            timestamptz NOT NULL,
  gatherer              text        NOT NULL
);

-- Status history: one row per (market, old, new, time) whichever gatherers saw it; "time" is the
-- exchange time, else the receive time truncated to the minute (docs/production.md).
CREATE TABLE market_status_changes (
  ticker        text        NOT NULL,
  old_status    text        NOT NULL,
  new_status    text        NOT NULL,
  time          timestamptz NOT NULL,
  exchange_time timestamptz,
  received_at   timestamptz NOT NULL,
  gatherer      text        NOT NULL,
  PRIMARY KEY (ticker, old_status, new_status, time)
);

-- Per gatherer and gatherer table: the last position merged, advanced in the transaction that
-- wrote what it covers.
CREATE TABLE sync_cursors (
  gatherer   text        NOT NULL,
  table_name text        NOT NULL,
  txid       xid8        NOT NULL,
  pos        bigint      NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (gatherer, table_name)
);

-- The book merger's state (per-gatherer books, stream trackers, rows read but not yet decided),
-- saved in the same transaction as the cursors past those rows and the rows decided.
CREATE TABLE dedup_checkpoint (
  singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
  decided_to timestamptz NOT NULL,
  state      bytea       NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Candles as Kalshi's candlesticks endpoint: period (end - interval, end], labelled by its
-- inclusive end end_period_ts. Trade OHLC (null without trades), volume, trade count; quote OHLC of
-- the best YES bid and ask from tickers; open interest at the period's last ticker.
CREATE TABLE candles_1m (
  market        text        NOT NULL,
  end_period_ts timestamptz NOT NULL,
  price_open    bigint,
  price_high    bigint,
  price_low     bigint,
  price_close   bigint,
  volume        bigint      NOT NULL,
  trade_count   bigint      NOT NULL,
  yes_bid_open  bigint,
  yes_bid_high  bigint,
  yes_bid_low   bigint,
  yes_bid_close bigint,
  yes_ask_open  bigint,
  yes_ask_high  bigint,
  yes_ask_low   bigint,
  yes_ask_close bigint,
  open_interest bigint,
  PRIMARY KEY (market, end_period_ts)
);
CREATE TABLE candles_1h (LIKE candles_1m INCLUDING ALL);
CREATE TABLE candles_1d (LIKE candles_1m INCLUDING ALL);
