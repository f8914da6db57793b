-- The seed's incident (its 125_cross_cutting_filter_legal_source): valid SQL, written
-- against an old copy of the schema. It uses approval_requests.note, which migration 006
-- dropped long ago, so it fails with SQLSTATE 42703 (undefined_column) in production.
-- The table it creates first must leave no trace: the whole migration is one transaction.
CREATE TABLE cross_cutting_filters (
	request_id bigint PRIMARY KEY REFERENCES approval_requests (id),
	legal_source text NOT NULL
);

INSERT INTO cross_cutting_filters (request_id, legal_source)
SELECT id, note FROM approval_requests WHERE note IS NOT NULL;
