ALTER TABLE accounts ALTER COLUMN note TYPE integer USING length(note);
