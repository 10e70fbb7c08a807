-- The deduplicator's book rows read but not yet decided, kept apart from dedup_checkpoint.state
-- so that a merge transaction writes what it read rather than everything pending: one chunk per
-- transaction (deflated rows), deleted by the transaction that decides its last row. The saved
-- state plus the chunks left is the merger as of the last commit.
CREATE TABLE dedup_pending (
  chunk bigint PRIMARY KEY,
  rows  bytea  NOT NULL
);
