--
-- PostgreSQL database dump (cut off mid-statement, as a failed download leaves it)
--

SET statement_timeout = 0;
SET client_encoding = 'UTF8';

CREATE TABLE public.users (
    id bigint NOT NULL,
    email text NOT NULL,
