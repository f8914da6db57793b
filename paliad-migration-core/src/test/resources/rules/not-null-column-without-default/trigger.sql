ALTER TABLE empty_things ADD COLUMN label text NOT NULL;
