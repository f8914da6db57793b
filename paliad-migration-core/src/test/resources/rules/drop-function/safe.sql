CREATE FUNCTION scratch_total() RETURNS integer LANGUAGE sql AS 'SELECT 1';
DROP FUNCTION scratch_total();
