ALTER TABLE accounts ADD COLUMN scratch text;
-- next migration
ALTER TABLE accounts DROP COLUMN IF EXISTS scratch;
