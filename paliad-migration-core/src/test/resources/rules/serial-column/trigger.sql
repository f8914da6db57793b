ALTER TABLE accounts ADD COLUMN number bigserial;
