ALTER TABLE backups ADD COLUMN retention_days int;
