CREATE TABLE payments (id bigserial PRIMARY KEY, order_id bigint REFERENCES orders (id));
-- next migration
CREATE INDEX payments_order_idx ON payments (order_id);
