ALTER TABLE items ADD COLUMN price numeric(10, 2);
