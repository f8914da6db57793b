-- Data migration: the free-text note becomes the request's first comment, then the column goes.
-- Runs in one transaction with its tracker row, so a failure leaves both notes and column in place.
INSERT INTO comments (request_id, author, body, created_at)
SELECT id, requested_by, note, created_at
FROM approval_requests
WHERE note IS NOT NULL AND btrim(note) <> '';

ALTER TABLE approval_requests DROP COLUMN note;

-- Every fresh installation gets a project to file requests against.
INSERT INTO projects (slug, name) VALUES ('demo', 'Demo project')
ON CONFLICT (slug) DO NOTHING;
