-- Not from Harbor: the tracker table golang-migrate's postgres driver creates before the
-- first migration runs (CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT
-- NULL PRIMARY KEY, dirty boolean NOT NULL)). Harbor's 0030 adds a column to it and 0040
-- drops that column again, so the corpus tests create it in both databases first.
CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);
