-- A constraint the existing rows violate (every priority is 0): fails with SQLSTATE 23514
-- (check_violation). This release runs with paliad.migration.on-failure=exit, so the
-- JVM exits during boot instead of staying up unready.
CREATE TABLE priority_audit (request_id bigint PRIMARY KEY);

ALTER TABLE approval_requests ADD CONSTRAINT approval_requests_priority_positive CHECK (priority > 0);
