-- Keeps approval_requests.updated_at honest whoever writes the row (the API, a psql session, a later data migration).
CREATE FUNCTION touch_updated_at() RETURNS trigger
	LANGUAGE plpgsql
AS $$
BEGIN
	-- An UPDATE that changes nothing must not look like activity.
	IF NEW IS DISTINCT FROM OLD THEN
		NEW.updated_at := now();
	END IF;
	RETURN NEW;
END;
$$;

CREATE TRIGGER approval_requests_touch_updated_at
	BEFORE UPDATE ON approval_requests
	FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
