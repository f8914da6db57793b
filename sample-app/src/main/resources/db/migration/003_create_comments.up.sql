CREATE TABLE comments (
	id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	request_id  bigint      NOT NULL REFERENCES approval_requests (id) ON DELETE CASCADE,
	author      text        NOT NULL,
	body        text        NOT NULL,
	created_at  timestamptz NOT NULL DEFAULT now()
);
