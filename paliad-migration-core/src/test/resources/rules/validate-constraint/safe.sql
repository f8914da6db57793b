COMMENT ON CONSTRAINT orders_total_positive ON orders IS 'total is positive';
