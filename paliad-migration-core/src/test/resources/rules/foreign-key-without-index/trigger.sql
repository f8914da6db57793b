CREATE TABLE payments (id bigserial PRIMARY KEY, order_id bigint REFERENCES orders (id));
