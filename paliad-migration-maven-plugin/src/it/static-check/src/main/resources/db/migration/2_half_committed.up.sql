CREATE TABLE audit (id bigint);
COMMIT;
CREATE TABLE audit_items (id bigint);
