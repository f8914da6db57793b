CREATE TABLE scratch (id integer);
ALTER TABLE scratch RENAME TO scratch_renamed;
