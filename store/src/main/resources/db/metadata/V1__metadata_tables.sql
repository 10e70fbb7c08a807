-- Gatherer metadata (DESIGN.md §3): latest state of series, events and markets, plus the history
-- of market status changes. Prices bigint micro-dollars; times timestamptz. wire keeps the whole
-- JSON object as Kalshi sent it. updated_at and gatherer say when and by whom the row last changed
-- (gatherer clock); txid and pos are reassigned on every change, so a position cursor sees each
-- new state (store/README.md "Positions").

CREATE SEQUENCE series_pos_seq;
CREATE TABLE series (
  ticker          text        PRIMARY KEY,
  title           text,
  category        text,
  frequency       text,
  fee_type        text,
  fee_multiplier  numeric,
  last_updated_ts timestamptz,
  wire            jsonb       NOT NULL,
  updated_at      timestamptz NOT NULL,
  gatherer        text        NOT NULL,
  txid            xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos             bigint      NOT NULL DEFAULT nextval('series_pos_seq')
);
CREATE INDEX series_position ON series (txid, pos);

CREATE SEQUENCE events_pos_seq;
CREATE TABLE events (
  event_ticker           text        PRIMARY KEY,
  series_ticker          text,
  title                  text,
  sub_title              text,
  category               text,
  collateral_return_type text,
  mutually_exclusive     boolean,
  strike_date            timestamptz,
  strike_period          text,
  last_updated_ts        timestamptz,
  wire                   jsonb       NOT NULL,
  updated_at             timestamptz NOT NULL,
  gatherer               text        NOT NULL,
  txid                   xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos                    bigint      NOT NULL DEFAULT nextval('events_pos_seq')
);
CREATE INDEX events_position ON events (txid, pos);

CREATE SEQUENCE markets_pos_seq;
CREATE TABLE markets (
  ticker                   text        PRIMARY KEY,
  event_ticker             text,
  market_type              text,
  status                   text,
  title                    text,
  subtitle                 text,
  yes_sub_title            text,
  no_sub_title             text,
  created_time             timestamptz,
  open_time                timestamptz,
  close_time               timestamptz,
  expected_expiration_time timestamptz,
  expiration_time          timestamptz,
  latest_expiration_time   timestamptz,
  settlement_ts            timestamptz,
  exchange_updated_time    timestamptz,
  strike_type              text,
  floor_strike             numeric,
  cap_strike               numeric,
  functional_strike        text,
  custom_strike            jsonb,
  tick_size                integer,
  price_level_structure    text,
  price_ranges             jsonb,
  result                   text,
  settlement_value         bigint,
  wire                     jsonb       NOT NULL,
  updated_at               timestamptz NOT NULL,
  gatherer                 text        NOT NULL,
  txid                     xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos                      bigint      NOT NULL DEFAULT nextval('markets_pos_seq')
);
CREATE INDEX markets_position ON markets (txid, pos);
CREATE INDEX markets_event ON markets (event_ticker);
CREATE INDEX markets_status ON markets (status);

CREATE SEQUENCE market_status_changes_pos_seq;
CREATE TABLE market_status_changes (
  change_id     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  ticker        text        NOT NULL,
  old_status    text,
  new_status    text,
  exchange_time timestamptz,
  received_at   timestamptz NOT NULL,
  gatherer      text        NOT NULL,
  txid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos           bigint      NOT NULL DEFAULT nextval('market_status_changes_pos_seq')
);
CREATE INDEX market_status_changes_position ON market_status_changes (txid, pos);
CREATE INDEX market_status_changes_ticker ON market_status_changes (ticker, change_id);
