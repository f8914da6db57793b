CREATE SEQUENCE scratch_numbers;
DROP SEQUENCE scratch_numbers;
