ALTER TABLE orders ADD COLUMN flagged boolean;
UPDATE orders SET flagged = false WHERE id < 10;
