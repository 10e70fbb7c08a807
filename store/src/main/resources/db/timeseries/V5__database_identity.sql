-- This database's identity, drawn once when it is created. Positions (txid, pos) mean something
-- only within one database: the deduplicator stores the identity with its cursors and starts them
-- again from the beginning when it changes (a rebuilt or replaced database). The metadata
-- migrations create the same table; in a database holding both, it is shared.
CREATE TABLE IF NOT EXISTS database_identity (
  singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
  id         uuid        NOT NULL DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO database_identity DEFAULT VALUES ON CONFLICT (singleton) DO NOTHING;
