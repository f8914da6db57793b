ALTER TABLE accounts ADD COLUMN backup_email text NOT NULL DEFAULT '';
-- next migration
ALTER TABLE accounts ALTER COLUMN backup_email DROP NOT NULL;
