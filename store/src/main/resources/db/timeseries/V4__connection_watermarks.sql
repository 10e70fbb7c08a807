-- How far each of a gatherer's book connections is complete: every frame received on the
-- connection before complete_through is committed, and the connection was alive then (a frame, or
-- a ping/pong, was received on it at that time). A book stream (connection_id, sid) is complete
-- only through its connection's watermark: a connection that stalls silently stops advancing its
-- row while the process (stream_watermarks) goes on. closed: the gatherer knows the connection
-- ended (dropped, closed, or left behind by an earlier process); its watermark is final and it no
-- longer holds the deduplicator's decisions back. Written in the same transaction as the process
-- watermark, only after the rows it covers are committed; rows only move forward.
CREATE TABLE connection_watermarks (
  gatherer         text        NOT NULL,
  connection_id    bigint      NOT NULL,
  complete_through timestamptz NOT NULL,
  closed           boolean     NOT NULL DEFAULT false,
  PRIMARY KEY (gatherer, connection_id)
);
