-- A project is what approval requests are filed against.
CREATE TABLE projects (
	id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug       text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
	name       text        NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
