CREATE TABLE organisations (id bigserial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE users (id bigserial PRIMARY KEY, organisation_id bigint NOT NULL REFERENCES organisations(id),
  email text NOT NULL UNIQUE, display_name text, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE roles (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE user_roles (user_id bigint REFERENCES users(id), role_id int REFERENCES roles(id), PRIMARY KEY (user_id, role_id));
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id), expires_at timestamptz NOT NULL);
CREATE TABLE api_tokens (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id), token_hash text NOT NULL, last_used_at timestamptz);
