CREATE TABLE audit_log (id bigserial PRIMARY KEY, table_name text NOT NULL, row_id bigint, action text NOT NULL,
  audit_reason text, changed_by text NOT NULL DEFAULT current_user, changed_at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_log (table_name, row_id, action) VALUES (TG_TABLE_NAME, NEW.id, TG_OP);
  RETURN NEW;
END;
$$;
CREATE TRIGGER approval_requests_audit AFTER INSERT OR UPDATE ON approval_requests FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER documents_audit AFTER INSERT OR UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
CREATE TRIGGER documents_touch BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
