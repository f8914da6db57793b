ALTER TABLE deadline_rules DROP COLUMN is_mandatory, DROP COLUMN is_optional, DROP COLUMN condition_flag;
