COMMENT ON TABLE orders IS 'orders of accounts';
