-- The production schema every rule case starts from (applied by migrate first).
CREATE TABLE accounts (id bigserial PRIMARY KEY, email varchar(100) NOT NULL, name text, note text, score integer);
INSERT INTO accounts (email, name, note, score) SELECT 'u' || g || '@example.org', 'n' || g, 'note', g FROM generate_series(1, 100) g;
CREATE TABLE orders (id bigserial PRIMARY KEY, account_id bigint, total integer, status text);
INSERT INTO orders (account_id, total, status) SELECT g, g, 'new' FROM generate_series(1, 100) g;
CREATE INDEX orders_status_idx ON orders (status);
CREATE TABLE empty_things (id integer);
CREATE VIEW account_names AS SELECT id, name FROM accounts;
CREATE SEQUENCE invoice_numbers;
CREATE FUNCTION order_total(bigint) RETURNS integer LANGUAGE sql AS 'SELECT total FROM orders WHERE id = $1';
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE tags (id integer PRIMARY KEY, label text UNIQUE);
CREATE TABLE ledgers (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text UNIQUE);
CREATE TABLE tag_links (tag_id integer REFERENCES tags (id), note text);
