CREATE TABLE backups (id bigserial PRIMARY KEY, taken_at timestamptz NOT NULL DEFAULT now(), size_bytes bigint);
CREATE TABLE jobs (id bigserial PRIMARY KEY, kind text NOT NULL, payload jsonb NOT NULL DEFAULT '{}', run_at timestamptz NOT NULL,
  attempts int NOT NULL DEFAULT 0, locked_by text);
CREATE TABLE job_failures (id bigserial PRIMARY KEY, job_id bigint NOT NULL REFERENCES jobs(id), error text NOT NULL);
CREATE TABLE feature_flags (key text PRIMARY KEY, enabled boolean NOT NULL DEFAULT false);
CREATE TABLE settings (key text PRIMARY KEY, value text);
CREATE SEQUENCE invoice_number_seq START 1000;
