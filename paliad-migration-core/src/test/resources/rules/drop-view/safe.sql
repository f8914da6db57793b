CREATE VIEW scratch_names AS SELECT name FROM accounts;
DROP VIEW scratch_names;
