CREATE VIEW scratch_names AS SELECT name FROM accounts;
ALTER VIEW scratch_names RENAME TO scratch_labels;
