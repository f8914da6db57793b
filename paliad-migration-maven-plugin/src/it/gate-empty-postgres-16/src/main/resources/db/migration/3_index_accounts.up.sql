CREATE INDEX accounts_display_name ON accounts (display_name);
