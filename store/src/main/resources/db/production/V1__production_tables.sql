-- Production database (DESIGN.md §3): what the deduplicator merged from the gatherers, exactly
-- once. Written only by the deduplicator. Units as in the gatherer schema: prices bigint
-- micro-dollars, counts bigint hundredths of a contract, times timestamptz (µs).
--
-- "time" is the row's event time, the partitioning column: the exchange time when Kalshi sent one,
-- else the time carried along the row's own (connection, sid) stream (docs/production.md).
--
-- ${partition_by} is the storage engine's clause (ProductionEngine): native range partitions by UTC
-- day (V2 adds the default partitions; ProductionStore.ensureDays the day partitions the
-- deduplicator writes into), or nothing (V2 then makes the table a TimescaleDB hypertable). V2 also
-- creates the engine's candles_1m, candles_1h and candles_1d (db/production-engine/*.sql).

-- The engine chosen when this database was first migrated; it never changes under existing data.
CREATE TABLE storage_engine (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  engine    text    NOT NULL CHECK (engine IN ('timescaledb', 'partitioned'))
);
INSERT INTO storage_engine (engine) VALUES ('${engine}');

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
) ${partition_by};
CREATE INDEX trades_market_time ON trades (market, time);
-- The archive's exports scan trades by time alone.
CREATE INDEX trades_time ON trades (time);

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
) ${partition_by};

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
) ${partition_by};

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
) ${partition_by};

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
