ALTER TABLE orders ADD COLUMN total_twice integer GENERATED ALWAYS AS (total * 2) STORED;
