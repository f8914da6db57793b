-- v2's good migration, expand-only as start-first requires: v1 tasks keep serving while
-- and after it runs, because they never name the new column.
ALTER TABLE approval_requests ADD COLUMN priority smallint NOT NULL DEFAULT 0;

-- A side effect the e2e counts: exactly one row, however many v2 tasks boot.
CREATE TABLE release_markers (
	version    bigint      PRIMARY KEY,
	applied_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO release_markers (version) VALUES (7);
