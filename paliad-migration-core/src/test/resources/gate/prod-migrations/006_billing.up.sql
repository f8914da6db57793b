CREATE TABLE plans (id serial PRIMARY KEY, code text NOT NULL UNIQUE, monthly_cents int NOT NULL);
CREATE TABLE subscriptions (id bigserial PRIMARY KEY, organisation_id bigint NOT NULL REFERENCES organisations(id),
  plan_id int NOT NULL REFERENCES plans(id), started_on date NOT NULL, ended_on date);
CREATE TABLE invoices (id bigserial PRIMARY KEY, subscription_id bigint NOT NULL REFERENCES subscriptions(id),
  amount_cents int NOT NULL CHECK (amount_cents >= 0), issued_on date NOT NULL, paid_on date);
CREATE TABLE invoice_lines (id bigserial PRIMARY KEY, invoice_id bigint NOT NULL REFERENCES invoices(id),
  description text NOT NULL, amount_cents int NOT NULL);
CREATE TABLE payments (id bigserial PRIMARY KEY, invoice_id bigint NOT NULL REFERENCES invoices(id),
  amount_cents int NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
