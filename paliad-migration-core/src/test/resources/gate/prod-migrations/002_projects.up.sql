CREATE TABLE projects (id bigserial PRIMARY KEY, organisation_id bigint NOT NULL REFERENCES organisations(id),
  title text NOT NULL, status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_by bigint REFERENCES users(id), created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE project_members (project_id bigint REFERENCES projects(id), user_id bigint REFERENCES users(id),
  PRIMARY KEY (project_id, user_id));
CREATE TABLE project_tags (id bigserial PRIMARY KEY, project_id bigint NOT NULL REFERENCES projects(id), tag text NOT NULL);
CREATE TABLE documents (id bigserial PRIMARY KEY, project_id bigint NOT NULL REFERENCES projects(id), title text NOT NULL,
  body text, version int NOT NULL DEFAULT 1, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE document_versions (id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents(id),
  version int NOT NULL, body text, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX documents_project_idx ON documents (project_id);
