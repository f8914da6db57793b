ALTER FUNCTION order_total(bigint) RENAME TO order_sum;
