COMMENT ON COLUMN orders.status IS 'order status';
