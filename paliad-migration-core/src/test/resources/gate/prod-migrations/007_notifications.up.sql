CREATE TYPE notification_channel AS ENUM ('email', 'sms', 'push');
CREATE TABLE notifications (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users(id),
  channel notification_channel NOT NULL, subject text NOT NULL, sent_at timestamptz);
CREATE TABLE notification_preferences (user_id bigint PRIMARY KEY REFERENCES users(id), email boolean NOT NULL DEFAULT true,
  sms boolean NOT NULL DEFAULT false);
CREATE TABLE webhooks (id bigserial PRIMARY KEY, organisation_id bigint NOT NULL REFERENCES organisations(id), url text NOT NULL);
CREATE TABLE webhook_deliveries (id bigserial PRIMARY KEY, webhook_id bigint NOT NULL REFERENCES webhooks(id),
  status int, delivered_at timestamptz);
