-- Valid SQL, wrong for this schema: the column was dropped long ago (the seed incident).
ALTER TABLE items DROP COLUMN legacy_code;
