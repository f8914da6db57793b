CREATE TABLE scratch (id serial PRIMARY KEY);
DROP TABLE scratch;
