ALTER TABLE accounts ALTER COLUMN email TYPE varchar(255);
ALTER TABLE accounts ALTER COLUMN email TYPE text;
