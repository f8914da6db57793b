ALTER TABLE accounts ADD CONSTRAINT accounts_name_not_null CHECK (name IS NOT NULL) NOT VALID;
-- next migration
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_name_not_null;
-- next migration
ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;
ALTER TABLE accounts DROP CONSTRAINT accounts_name_not_null;
