ALTER TABLE orders ADD COLUMN total_twice integer;
