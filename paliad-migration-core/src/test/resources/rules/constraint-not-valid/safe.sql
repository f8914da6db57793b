CREATE TABLE notes (id integer CHECK (id > 0));
