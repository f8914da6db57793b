ALTER TABLE orders ADD COLUMN total_big bigint;
-- next migration
UPDATE orders SET total_big = total WHERE id BETWEEN 1 AND 1000;
