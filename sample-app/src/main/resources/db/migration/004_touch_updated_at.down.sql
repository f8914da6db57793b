DROP TRIGGER approval_requests_touch_updated_at ON approval_requests;
DROP FUNCTION touch_updated_at();
