-- Which gatherer database the cursors of sync_cursors point into: per gatherer and source
-- ('timeseries', 'metadata') the database_identity id and, when readable, the server's system
-- identifier, saved in the transaction that saves the cursors. When a gatherer's database turns out
-- to be another one (rebuilt, replaced, restored from an older copy), the deduplicator restarts that
-- source's cursors from the beginning; the merge rules make re-reading safe.
-- (Version 1.1: between the production tables and later migrations, whatever their numbers.)
CREATE TABLE sync_sources (
  gatherer    text        NOT NULL,
  source      text        NOT NULL CHECK (source IN ('timeseries', 'metadata')),
  database_id text        NOT NULL,
  system_id   text,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (gatherer, source)
);
