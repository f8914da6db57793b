CREATE TABLE legal_sources (id bigserial PRIMARY KEY, code text NOT NULL UNIQUE, title text NOT NULL);
CREATE TABLE deadline_rules (id bigserial PRIMARY KEY, legal_source_id bigint REFERENCES legal_sources(id),
  name text NOT NULL, days int NOT NULL, is_mandatory boolean NOT NULL DEFAULT true, is_optional boolean NOT NULL DEFAULT false,
  condition_flag text);
CREATE TABLE deadlines (id bigserial PRIMARY KEY, project_id bigint NOT NULL REFERENCES projects(id),
  rule_id bigint REFERENCES deadline_rules(id), due_on date NOT NULL, done boolean NOT NULL DEFAULT false);
CREATE TABLE holidays (day date PRIMARY KEY, region text NOT NULL DEFAULT 'DE');
CREATE TABLE submission_drafts (id bigserial PRIMARY KEY, deadline_id bigint REFERENCES deadlines(id), body text,
  updated_at timestamptz NOT NULL DEFAULT now());
