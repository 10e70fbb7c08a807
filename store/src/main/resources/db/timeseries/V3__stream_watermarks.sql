-- How far a gatherer process asserts its book streams complete: every orderbook snapshot, delta
-- and sequence gap it received before complete_through is committed. The gatherer advances it about
-- every second while it routes frames live, and only after the rows it covers are committed; a
-- process that dies stops advancing it. The deduplicator treats a gatherer's streams as clean only
-- up to it: silence after it is not evidence of a quiet stream. One row per gatherer; an advance
-- moves the row to a new position (txid, pos reassigned) like a closed sequence gap.
CREATE SEQUENCE stream_watermarks_pos_seq;
CREATE TABLE stream_watermarks (
  gatherer         text        PRIMARY KEY,
  complete_through timestamptz NOT NULL,
  txid             xid8        NOT NULL DEFAULT pg_current_xact_id(),
  pos              bigint      NOT NULL DEFAULT nextval('stream_watermarks_pos_seq')
);
