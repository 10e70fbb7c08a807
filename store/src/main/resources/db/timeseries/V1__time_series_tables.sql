-- Gatherer time series (DESIGN.md §3). Units: prices bigint micro-dollars, counts bigint
-- hundredths of a contract, times timestamptz (µs). Every row carries two clocks (exchange_time,
-- null when Kalshi sent none; received_at from the gatherer's clock), its provenance (gatherer,
-- connection_id, sid, seq; 0 where not applicable) and its commit-safe position (txid, pos): the
-- inserting transaction's id and a per-table sequence number (store/README.md "Positions").
-- ${partition_by} is the storage engine's clause: native daily range partitions, or nothing (the
-- engine then turns the table into a TimescaleDB hypertable in V2).

CREATE TABLE storage_engine (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  engine    text    NOT NULL CHECK (engine IN ('timescaledb', 'partitioned'))
);
INSERT INTO storage_engine (engine) VALUES ('${engine}');

CREATE SEQUENCE orderbook_deltas_pos_seq CACHE 100;
CREATE TABLE orderbook_deltas (
  received_at   timestamptz NOT NULL,
  exchange_time timestamptz,
  market        text        NOT NULL,
  side          text        NOT NULL CHECK (side IN ('yes', 'no')),
  price         bigint      NOT NULL,
  delta         bigint      NOT NULL,
  gatherer      text        NOT NULL,
  connection_id bigint      NOT NULL,
  sid           integer     NOT NULL,
  seq           bigint      NOT NULL,
  txid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos           bigint      NOT NULL DEFAULT nextval('orderbook_deltas_pos_seq')
) ${partition_by};
CREATE INDEX orderbook_deltas_position ON orderbook_deltas (txid, pos);

CREATE SEQUENCE orderbook_snapshots_pos_seq CACHE 100;
CREATE TABLE orderbook_snapshots (
  received_at   timestamptz NOT NULL,
  exchange_time timestamptz,
  market        text        NOT NULL,
  source        text        NOT NULL CHECK (source IN ('ws', 'rest')),
  yes_prices    bigint[]    NOT NULL,
  yes_sizes     bigint[]    NOT NULL,
  no_prices     bigint[]    NOT NULL,
  no_sizes      bigint[]    NOT NULL,
  gatherer      text        NOT NULL,
  connection_id bigint      NOT NULL,
  sid           integer     NOT NULL,
  seq           bigint      NOT NULL,
  txid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos           bigint      NOT NULL DEFAULT nextval('orderbook_snapshots_pos_seq'),
  CHECK (cardinality(yes_prices) = cardinality(yes_sizes)),
  CHECK (cardinality(no_prices) = cardinality(no_sizes))
) ${partition_by};
CREATE INDEX orderbook_snapshots_position ON orderbook_snapshots (txid, pos);

CREATE SEQUENCE trades_pos_seq CACHE 100;
CREATE TABLE trades (
  received_at        timestamptz NOT NULL,
  exchange_time      timestamptz,
  trade_id           text        NOT NULL,
  market             text        NOT NULL,
  yes_price          bigint      NOT NULL,
  no_price           bigint      NOT NULL,
  count              bigint      NOT NULL,
  taker_side         text        CHECK (taker_side IN ('yes', 'no')),
  taker_outcome_side text        CHECK (taker_outcome_side IN ('yes', 'no')),
  taker_book_side    text,
  block_trade        boolean     NOT NULL,
  source             text        NOT NULL CHECK (source IN ('ws', 'rest')),
  gatherer           text        NOT NULL,
  connection_id      bigint      NOT NULL,
  sid                integer     NOT NULL,
  seq                bigint      NOT NULL,
  txid               xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos                bigint      NOT NULL DEFAULT nextval('trades_pos_seq')
) ${partition_by};
CREATE INDEX trades_position ON trades (txid, pos);

-- One row per trade a gatherer has stored: the uniqueness a partitioned table or hypertable cannot
-- enforce on trade_id alone (its unique keys must include the partitioning column).
CREATE TABLE trade_ids (
  gatherer    text        NOT NULL,
  trade_id    text        NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (gatherer, trade_id)
);
CREATE INDEX trade_ids_received_at ON trade_ids (received_at);

CREATE SEQUENCE tickers_pos_seq CACHE 100;
CREATE TABLE tickers (
  received_at        timestamptz NOT NULL,
  exchange_time      timestamptz,
  market             text        NOT NULL,
  price              bigint      NOT NULL,
  yes_bid            bigint      NOT NULL,
  yes_ask            bigint      NOT NULL,
  yes_bid_size       bigint      NOT NULL,
  yes_ask_size       bigint      NOT NULL,
  last_trade_size    bigint      NOT NULL,
  volume             bigint      NOT NULL,
  open_interest      bigint      NOT NULL,
  dollar_volume      bigint      NOT NULL,
  dollar_open_interest bigint    NOT NULL,
  gatherer           text        NOT NULL,
  connection_id      bigint      NOT NULL,
  sid                integer     NOT NULL,
  seq                bigint      NOT NULL,
  txid               xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos                bigint      NOT NULL DEFAULT nextval('tickers_pos_seq')
) ${partition_by};
CREATE INDEX tickers_position ON tickers (txid, pos);

-- Gaps are few: plain tables, trimmed by the maintenance job. Closing a gap moves the row to a new
-- position (txid, pos are reassigned) so a cursor sees it again, closed.
CREATE SEQUENCE sequence_gaps_pos_seq;
CREATE TABLE sequence_gaps (
  gap_id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  gatherer      text        NOT NULL,
  connection_id bigint      NOT NULL,
  sid           integer     NOT NULL,
  expected_seq  bigint      NOT NULL,
  received_seq  bigint      NOT NULL,
  markets       text[]      NOT NULL,
  detected_at   timestamptz NOT NULL,
  recovered_at  timestamptz,
  txid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos           bigint      NOT NULL DEFAULT nextval('sequence_gaps_pos_seq')
);
CREATE INDEX sequence_gaps_position ON sequence_gaps (txid, pos);
CREATE INDEX sequence_gaps_open ON sequence_gaps (gatherer, connection_id, sid)
  WHERE recovered_at IS NULL;

CREATE SEQUENCE raw_frames_quarantine_pos_seq;
CREATE TABLE raw_frames_quarantine (
  frame_id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  received_at   timestamptz NOT NULL,
  gatherer      text        NOT NULL,
  connection_id bigint      NOT NULL,
  frame         text        NOT NULL,
  frame_type    text,
  reason        text        NOT NULL,
  txid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos           bigint      NOT NULL DEFAULT nextval('raw_frames_quarantine_pos_seq')
);
CREATE INDEX raw_frames_quarantine_position ON raw_frames_quarantine (txid, pos);

-- Connection ids unique per gatherer across restarts, so (connection_id, sid) names one stream.
CREATE SEQUENCE connection_ids;
