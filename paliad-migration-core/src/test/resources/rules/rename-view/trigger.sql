ALTER VIEW account_names RENAME TO account_labels;
