CREATE TABLE approval_requests (id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents(id),
  requested_by bigint NOT NULL REFERENCES users(id), status text NOT NULL DEFAULT 'open'
  CONSTRAINT approval_status CHECK (status IN ('open', 'approved', 'rejected', 'changes_requested')),
  counter_payload jsonb, previous_request_id bigint REFERENCES approval_requests(id), created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE approval_decisions (id bigserial PRIMARY KEY, request_id bigint NOT NULL REFERENCES approval_requests(id),
  decided_by bigint NOT NULL REFERENCES users(id), decision text NOT NULL, reason text, decided_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE approval_comments (id bigserial PRIMARY KEY, request_id bigint NOT NULL REFERENCES approval_requests(id),
  author_id bigint REFERENCES users(id), body text NOT NULL);
CREATE INDEX approval_requests_status_idx ON approval_requests (status);
