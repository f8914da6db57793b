ALTER TABLE accounts ADD COLUMN nickname text;
-- next migration
ALTER TABLE accounts RENAME COLUMN nickname TO alias;
ALTER TABLE accounts ALTER COLUMN alias TYPE varchar(50);
