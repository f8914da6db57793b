-- paliad:no-transaction
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
-- next migration
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_idx;
