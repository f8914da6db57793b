ALTER TABLE orders ADD COLUMN created_at timestamptz;
-- next migration
ALTER TABLE orders ALTER COLUMN created_at SET DEFAULT clock_timestamp();
