-- paliad:no-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS comments_request_id_idx ON comments (request_id, created_at);
