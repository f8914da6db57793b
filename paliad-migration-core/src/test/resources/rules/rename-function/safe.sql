CREATE FUNCTION scratch_total() RETURNS integer LANGUAGE sql AS 'SELECT 1';
ALTER FUNCTION scratch_total() RENAME TO scratch_sum;
