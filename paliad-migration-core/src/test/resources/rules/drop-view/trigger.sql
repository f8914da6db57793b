DROP VIEW account_names;
