CREATE SCHEMA reporting;
CREATE VIEW reporting.open_approvals AS
  SELECT r.id, r.status, d.title, p.title AS project FROM approval_requests r
  JOIN documents d ON d.id = r.document_id JOIN projects p ON p.id = d.project_id WHERE r.status = 'open';
CREATE VIEW reporting.overdue_deadlines AS
  SELECT dl.id, dl.due_on, p.title FROM deadlines dl JOIN projects p ON p.id = dl.project_id
  WHERE NOT dl.done AND dl.due_on < current_date;
CREATE MATERIALIZED VIEW reporting.monthly_revenue AS
  SELECT date_trunc('month', issued_on) AS month, sum(amount_cents) AS cents FROM invoices GROUP BY 1;
CREATE FUNCTION reporting.project_count(org bigint) RETURNS bigint LANGUAGE sql STABLE AS
  'SELECT count(*) FROM projects WHERE organisation_id = org';
