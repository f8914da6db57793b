CREATE TABLE items (
	id bigint PRIMARY KEY,
	name text NOT NULL
);
