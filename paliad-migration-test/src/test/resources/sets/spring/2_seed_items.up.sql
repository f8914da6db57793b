INSERT INTO items (name) VALUES ('apple'), ('pear');
