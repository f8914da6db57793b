ALTER TABLE user_profiles ADD COLUMN nickname text;
