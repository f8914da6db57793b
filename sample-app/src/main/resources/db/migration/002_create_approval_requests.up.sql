CREATE TABLE approval_requests (
	id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	project_id   bigint      NOT NULL REFERENCES projects (id),
	title        text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	requested_by text        NOT NULL,
	status       text        NOT NULL DEFAULT 'pending'
		CONSTRAINT approval_requests_status_check
		CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
	-- Free text that 006 moves into comments; kept here because early releases wrote it.
	note         text        NULL,
	created_at   timestamptz NOT NULL DEFAULT now(),
	updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX approval_requests_project_status_idx ON approval_requests (project_id, status);
