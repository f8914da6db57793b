CREATE SEQUENCE account_numbers;
-- next migration
ALTER TABLE accounts ADD COLUMN number bigint;
-- next migration
ALTER TABLE accounts ALTER COLUMN number SET DEFAULT nextval('account_numbers');
