-- Harmless on its own, but ALTER TABLE needs an ACCESS EXCLUSIVE lock on comments, and the
-- e2e holds a transaction open on comments (as a forgotten psql session would). The
-- migration waits, times out (lock_timeout), retries: the task boots, never becomes
-- ready, and Swarm rolls it back after the healthcheck budget.
ALTER TABLE comments ADD COLUMN edited_at timestamptz NULL;
