--
-- PostgreSQL database dump
--
-- A plain dump as PostgreSQL 18's `pg_dump --no-data --statistics` writes it, cut down to
-- two tables. No pg_dump 18 is available on the build machines (Debian 12 ships 15; the
-- embedded-postgres binaries hold no pg_dump), so this excerpt is vendored: the header and
-- the pg_restore_relation_stats calls follow, byte for byte in layout, a real dump by
-- pg_dump 18.6 (Debian 18.6-1.pgdg13+2); the pg_restore_attribute_stats call follows
-- dumpRelationStats() in src/bin/pg_dump/pg_dump.c of PostgreSQL 18. Only names and
-- numbers were changed.
--

\restrict uG5z8lz0W0RJIlaT0Wj6OGGdfVniDaV3hcG1GRtSpyJeTGHjdUQZvA5vm4TwrqG

-- Dumped from database version 18.6 (Debian 18.6-1.pgdg13+2)
-- Dumped by pg_dump version 18.6 (Debian 18.6-1.pgdg13+2)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: approval_requests; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.approval_requests (
    id bigint NOT NULL,
    status text NOT NULL,
    note text
);


ALTER TABLE public.approval_requests OWNER TO postgres;

--
-- Name: countries; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.countries (
    code text NOT NULL,
    name text NOT NULL
);


ALTER TABLE public.countries OWNER TO postgres;

--
-- Statistics for Name: approval_requests; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '180006'::integer,
	'schemaname', 'public',
	'relname', 'approval_requests',
	'relpages', '406250'::integer,
	'reltuples', '1.2e+07'::real,
	'relallvisible', '406000'::integer,
	'relallfrozen', '0'::integer
);

SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '180006'::integer,
	'schemaname', 'public',
	'relname', 'approval_requests',
	'attname', 'status',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '8'::integer,
	'n_distinct', '3'::real,
	'most_common_vals', '{approved,pending,rejected}'::text,
	'most_common_freqs', '{0.7,0.2,0.1}'::real[],
	'correlation', '0.41'::real
);


--
-- Statistics for Name: countries; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '180006'::integer,
	'schemaname', 'public',
	'relname', 'countries',
	'relpages', '2'::integer,
	'reltuples', '250'::real,
	'relallvisible', '2'::integer,
	'relallfrozen', '0'::integer
);


--
-- Name: approval_requests approval_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.approval_requests
    ADD CONSTRAINT approval_requests_pkey PRIMARY KEY (id);


--
-- Statistics for Name: approval_requests_pkey; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '180006'::integer,
	'schemaname', 'public',
	'relname', 'approval_requests_pkey',
	'relpages', '32900'::integer,
	'reltuples', '1.2e+07'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- PostgreSQL database dump complete
--

\unrestrict uG5z8lz0W0RJIlaT0Wj6OGGdfVniDaV3hcG1GRtSpyJeTGHjdUQZvA5vm4TwrqG

