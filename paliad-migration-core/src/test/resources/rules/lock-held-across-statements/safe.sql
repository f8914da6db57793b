ALTER TABLE orders ADD COLUMN flagged boolean;
ALTER TABLE orders ALTER COLUMN flagged SET DEFAULT false;
-- next migration
UPDATE orders SET flagged = false WHERE id < 10;
