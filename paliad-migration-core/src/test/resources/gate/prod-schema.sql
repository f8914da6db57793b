--
-- PostgreSQL database dump
--

\restrict 4J9QQBZFWJEXoTV5wusN1hUzPLUzL3d1rRqf4H9yKhROaCrDg2X22cMgLAivegC

-- Dumped from database version 13.23
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: public; Type: SCHEMA; Schema: -; Owner: app_owner
--

-- *not* creating schema, since initdb creates it


ALTER SCHEMA public OWNER TO app_owner;

--
-- Name: reporting; Type: SCHEMA; Schema: -; Owner: app_owner
--

CREATE SCHEMA reporting;


ALTER SCHEMA reporting OWNER TO app_owner;

--
-- Name: notification_channel; Type: TYPE; Schema: public; Owner: app_owner
--

CREATE TYPE public.notification_channel AS ENUM (
    'email',
    'sms',
    'push'
);


ALTER TYPE public.notification_channel OWNER TO app_owner;

--
-- Name: audit_row(); Type: FUNCTION; Schema: public; Owner: app_owner
--

CREATE FUNCTION public.audit_row() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  INSERT INTO audit_log (table_name, row_id, action) VALUES (TG_TABLE_NAME, NEW.id, TG_OP);
  RETURN NEW;
END;
$$;


ALTER FUNCTION public.audit_row() OWNER TO app_owner;

--
-- Name: touch_updated_at(); Type: FUNCTION; Schema: public; Owner: app_owner
--

CREATE FUNCTION public.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;


ALTER FUNCTION public.touch_updated_at() OWNER TO app_owner;

--
-- Name: project_count(bigint); Type: FUNCTION; Schema: reporting; Owner: app_owner
--

CREATE FUNCTION reporting.project_count(org bigint) RETURNS bigint
    LANGUAGE sql STABLE
    AS $$SELECT count(*) FROM projects WHERE organisation_id = org$$;


ALTER FUNCTION reporting.project_count(org bigint) OWNER TO app_owner;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.api_tokens (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    token_hash text NOT NULL,
    last_used_at timestamp with time zone
);


ALTER TABLE public.api_tokens OWNER TO app_owner;

--
-- Name: api_tokens_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.api_tokens_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.api_tokens_id_seq OWNER TO app_owner;

--
-- Name: api_tokens_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.api_tokens_id_seq OWNED BY public.api_tokens.id;


--
-- Name: applied_migrations; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.applied_migrations (
    version bigint NOT NULL,
    name text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    checksum text,
    execution_ms integer,
    applied_by text
);


ALTER TABLE public.applied_migrations OWNER TO app_owner;

--
-- Name: approval_comments; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.approval_comments (
    id bigint NOT NULL,
    request_id bigint NOT NULL,
    author_id bigint,
    body text NOT NULL
);


ALTER TABLE public.approval_comments OWNER TO app_owner;

--
-- Name: approval_comments_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.approval_comments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.approval_comments_id_seq OWNER TO app_owner;

--
-- Name: approval_comments_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.approval_comments_id_seq OWNED BY public.approval_comments.id;


--
-- Name: approval_decisions; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.approval_decisions (
    id bigint NOT NULL,
    request_id bigint NOT NULL,
    decided_by bigint NOT NULL,
    decision text NOT NULL,
    reason text,
    decided_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.approval_decisions OWNER TO app_owner;

--
-- Name: approval_decisions_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.approval_decisions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.approval_decisions_id_seq OWNER TO app_owner;

--
-- Name: approval_decisions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.approval_decisions_id_seq OWNED BY public.approval_decisions.id;


--
-- Name: approval_requests; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.approval_requests (
    id bigint NOT NULL,
    document_id bigint NOT NULL,
    requested_by bigint NOT NULL,
    status text DEFAULT 'open'::text NOT NULL,
    counter_payload jsonb,
    previous_request_id bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT approval_status CHECK ((status = ANY (ARRAY['open'::text, 'approved'::text, 'rejected'::text, 'changes_requested'::text])))
);


ALTER TABLE public.approval_requests OWNER TO app_owner;

--
-- Name: approval_requests_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.approval_requests_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.approval_requests_id_seq OWNER TO app_owner;

--
-- Name: approval_requests_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.approval_requests_id_seq OWNED BY public.approval_requests.id;


--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.audit_log (
    id bigint NOT NULL,
    table_name text NOT NULL,
    row_id bigint,
    action text NOT NULL,
    audit_reason text,
    changed_by text DEFAULT CURRENT_USER NOT NULL,
    changed_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.audit_log OWNER TO app_owner;

--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.audit_log_id_seq OWNER TO app_owner;

--
-- Name: audit_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.audit_log_id_seq OWNED BY public.audit_log.id;


--
-- Name: backups; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.backups (
    id bigint NOT NULL,
    taken_at timestamp with time zone DEFAULT now() NOT NULL,
    size_bytes bigint,
    retention_days integer
);


ALTER TABLE public.backups OWNER TO app_owner;

--
-- Name: backups_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.backups_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.backups_id_seq OWNER TO app_owner;

--
-- Name: backups_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.backups_id_seq OWNED BY public.backups.id;


--
-- Name: deadline_rules; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.deadline_rules (
    id bigint NOT NULL,
    legal_source_id bigint,
    name text NOT NULL,
    days integer NOT NULL
);


ALTER TABLE public.deadline_rules OWNER TO app_owner;

--
-- Name: deadline_rules_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.deadline_rules_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.deadline_rules_id_seq OWNER TO app_owner;

--
-- Name: deadline_rules_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.deadline_rules_id_seq OWNED BY public.deadline_rules.id;


--
-- Name: deadlines; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.deadlines (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    rule_id bigint,
    due_on date NOT NULL,
    done boolean DEFAULT false NOT NULL
);


ALTER TABLE public.deadlines OWNER TO app_owner;

--
-- Name: deadlines_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.deadlines_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.deadlines_id_seq OWNER TO app_owner;

--
-- Name: deadlines_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.deadlines_id_seq OWNED BY public.deadlines.id;


--
-- Name: document_versions; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.document_versions (
    id bigint NOT NULL,
    document_id bigint NOT NULL,
    version integer NOT NULL,
    body text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.document_versions OWNER TO app_owner;

--
-- Name: document_versions_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.document_versions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.document_versions_id_seq OWNER TO app_owner;

--
-- Name: document_versions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.document_versions_id_seq OWNED BY public.document_versions.id;


--
-- Name: documents; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.documents (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    title text NOT NULL,
    body text,
    version integer DEFAULT 1 NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.documents OWNER TO app_owner;

--
-- Name: documents_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.documents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.documents_id_seq OWNER TO app_owner;

--
-- Name: documents_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.documents_id_seq OWNED BY public.documents.id;


--
-- Name: feature_flags; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.feature_flags (
    key text NOT NULL,
    enabled boolean DEFAULT false NOT NULL
);


ALTER TABLE public.feature_flags OWNER TO app_owner;

--
-- Name: holidays; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.holidays (
    day date NOT NULL,
    region text DEFAULT 'DE'::text NOT NULL
);


ALTER TABLE public.holidays OWNER TO app_owner;

--
-- Name: invoice_lines; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.invoice_lines (
    id bigint NOT NULL,
    invoice_id bigint NOT NULL,
    description text NOT NULL,
    amount_cents integer NOT NULL
);


ALTER TABLE public.invoice_lines OWNER TO app_owner;

--
-- Name: invoice_lines_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.invoice_lines_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.invoice_lines_id_seq OWNER TO app_owner;

--
-- Name: invoice_lines_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.invoice_lines_id_seq OWNED BY public.invoice_lines.id;


--
-- Name: invoice_number_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.invoice_number_seq
    START WITH 1000
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.invoice_number_seq OWNER TO app_owner;

--
-- Name: invoices; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.invoices (
    id bigint NOT NULL,
    subscription_id bigint NOT NULL,
    amount_cents integer NOT NULL,
    issued_on date NOT NULL,
    paid_on date,
    CONSTRAINT invoices_amount_cents_check CHECK ((amount_cents >= 0))
);


ALTER TABLE public.invoices OWNER TO app_owner;

--
-- Name: invoices_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.invoices_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.invoices_id_seq OWNER TO app_owner;

--
-- Name: invoices_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.invoices_id_seq OWNED BY public.invoices.id;


--
-- Name: job_failures; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.job_failures (
    id bigint NOT NULL,
    job_id bigint NOT NULL,
    error text NOT NULL
);


ALTER TABLE public.job_failures OWNER TO app_owner;

--
-- Name: job_failures_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.job_failures_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.job_failures_id_seq OWNER TO app_owner;

--
-- Name: job_failures_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.job_failures_id_seq OWNED BY public.job_failures.id;


--
-- Name: jobs; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.jobs (
    id bigint NOT NULL,
    kind text NOT NULL,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    run_at timestamp with time zone NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    locked_by text
);


ALTER TABLE public.jobs OWNER TO app_owner;

--
-- Name: jobs_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.jobs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.jobs_id_seq OWNER TO app_owner;

--
-- Name: jobs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.jobs_id_seq OWNED BY public.jobs.id;


--
-- Name: legal_sources; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.legal_sources (
    id bigint NOT NULL,
    code text NOT NULL,
    title text NOT NULL
);


ALTER TABLE public.legal_sources OWNER TO app_owner;

--
-- Name: legal_sources_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.legal_sources_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.legal_sources_id_seq OWNER TO app_owner;

--
-- Name: legal_sources_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.legal_sources_id_seq OWNED BY public.legal_sources.id;


--
-- Name: notification_preferences; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.notification_preferences (
    user_id bigint NOT NULL,
    email boolean DEFAULT true NOT NULL,
    sms boolean DEFAULT false NOT NULL
);


ALTER TABLE public.notification_preferences OWNER TO app_owner;

--
-- Name: notifications; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.notifications (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    channel public.notification_channel NOT NULL,
    subject text NOT NULL,
    sent_at timestamp with time zone
);


ALTER TABLE public.notifications OWNER TO app_owner;

--
-- Name: notifications_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.notifications_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.notifications_id_seq OWNER TO app_owner;

--
-- Name: notifications_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.notifications_id_seq OWNED BY public.notifications.id;


--
-- Name: organisations; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.organisations (
    id bigint NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.organisations OWNER TO app_owner;

--
-- Name: organisations_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.organisations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.organisations_id_seq OWNER TO app_owner;

--
-- Name: organisations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.organisations_id_seq OWNED BY public.organisations.id;


--
-- Name: payments; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.payments (
    id bigint NOT NULL,
    invoice_id bigint NOT NULL,
    amount_cents integer NOT NULL,
    received_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.payments OWNER TO app_owner;

--
-- Name: payments_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.payments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.payments_id_seq OWNER TO app_owner;

--
-- Name: payments_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.payments_id_seq OWNED BY public.payments.id;


--
-- Name: plans; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.plans (
    id integer NOT NULL,
    code text NOT NULL,
    monthly_cents integer NOT NULL
);


ALTER TABLE public.plans OWNER TO app_owner;

--
-- Name: plans_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.plans_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.plans_id_seq OWNER TO app_owner;

--
-- Name: plans_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.plans_id_seq OWNED BY public.plans.id;


--
-- Name: project_members; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.project_members (
    project_id bigint NOT NULL,
    user_id bigint NOT NULL
);


ALTER TABLE public.project_members OWNER TO app_owner;

--
-- Name: project_tags; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.project_tags (
    id bigint NOT NULL,
    project_id bigint NOT NULL,
    tag text NOT NULL
);


ALTER TABLE public.project_tags OWNER TO app_owner;

--
-- Name: project_tags_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.project_tags_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.project_tags_id_seq OWNER TO app_owner;

--
-- Name: project_tags_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.project_tags_id_seq OWNED BY public.project_tags.id;


--
-- Name: projects; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.projects (
    id bigint NOT NULL,
    organisation_id bigint NOT NULL,
    title text NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    created_by bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT projects_status_check CHECK ((status = ANY (ARRAY['active'::text, 'archived'::text])))
);


ALTER TABLE public.projects OWNER TO app_owner;

--
-- Name: projects_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.projects_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.projects_id_seq OWNER TO app_owner;

--
-- Name: projects_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.projects_id_seq OWNED BY public.projects.id;


--
-- Name: roles; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.roles (
    id integer NOT NULL,
    name text NOT NULL
);


ALTER TABLE public.roles OWNER TO app_owner;

--
-- Name: roles_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.roles_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.roles_id_seq OWNER TO app_owner;

--
-- Name: roles_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.roles_id_seq OWNED BY public.roles.id;


--
-- Name: sessions; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.sessions (
    id uuid NOT NULL,
    user_id bigint NOT NULL,
    expires_at timestamp with time zone NOT NULL
);


ALTER TABLE public.sessions OWNER TO app_owner;

--
-- Name: settings; Type: TABLE; Schema: public; Owner: dba
--

CREATE TABLE public.settings (
    key text NOT NULL,
    value text
);


ALTER TABLE public.settings OWNER TO dba;

--
-- Name: submission_drafts; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.submission_drafts (
    id bigint NOT NULL,
    deadline_id bigint,
    body text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.submission_drafts OWNER TO app_owner;

--
-- Name: submission_drafts_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.submission_drafts_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.submission_drafts_id_seq OWNER TO app_owner;

--
-- Name: submission_drafts_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.submission_drafts_id_seq OWNED BY public.submission_drafts.id;


--
-- Name: subscriptions; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.subscriptions (
    id bigint NOT NULL,
    organisation_id bigint NOT NULL,
    plan_id integer NOT NULL,
    started_on date NOT NULL,
    ended_on date
);


ALTER TABLE public.subscriptions OWNER TO app_owner;

--
-- Name: subscriptions_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.subscriptions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.subscriptions_id_seq OWNER TO app_owner;

--
-- Name: subscriptions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.subscriptions_id_seq OWNED BY public.subscriptions.id;


--
-- Name: user_roles; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.user_roles (
    user_id bigint NOT NULL,
    role_id integer NOT NULL
);


ALTER TABLE public.user_roles OWNER TO app_owner;

--
-- Name: users; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.users (
    id bigint NOT NULL,
    organisation_id bigint NOT NULL,
    email text NOT NULL,
    display_name text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.users OWNER TO app_owner;

--
-- Name: users_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.users_id_seq OWNER TO app_owner;

--
-- Name: users_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;


--
-- Name: webhook_deliveries; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.webhook_deliveries (
    id bigint NOT NULL,
    webhook_id bigint NOT NULL,
    status integer,
    delivered_at timestamp with time zone
);


ALTER TABLE public.webhook_deliveries OWNER TO app_owner;

--
-- Name: webhook_deliveries_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.webhook_deliveries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.webhook_deliveries_id_seq OWNER TO app_owner;

--
-- Name: webhook_deliveries_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.webhook_deliveries_id_seq OWNED BY public.webhook_deliveries.id;


--
-- Name: webhooks; Type: TABLE; Schema: public; Owner: app_owner
--

CREATE TABLE public.webhooks (
    id bigint NOT NULL,
    organisation_id bigint NOT NULL,
    url text NOT NULL
);


ALTER TABLE public.webhooks OWNER TO app_owner;

--
-- Name: webhooks_id_seq; Type: SEQUENCE; Schema: public; Owner: app_owner
--

CREATE SEQUENCE public.webhooks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.webhooks_id_seq OWNER TO app_owner;

--
-- Name: webhooks_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: app_owner
--

ALTER SEQUENCE public.webhooks_id_seq OWNED BY public.webhooks.id;


--
-- Name: monthly_revenue; Type: MATERIALIZED VIEW; Schema: reporting; Owner: app_owner
--

CREATE MATERIALIZED VIEW reporting.monthly_revenue AS
 SELECT date_trunc('month'::text, (invoices.issued_on)::timestamp with time zone) AS month,
    sum(invoices.amount_cents) AS cents
   FROM public.invoices
  GROUP BY (date_trunc('month'::text, (invoices.issued_on)::timestamp with time zone))
  WITH NO DATA;


ALTER TABLE reporting.monthly_revenue OWNER TO app_owner;

--
-- Name: open_approvals; Type: VIEW; Schema: reporting; Owner: app_owner
--

CREATE VIEW reporting.open_approvals AS
 SELECT r.id,
    r.status,
    d.title,
    p.title AS project
   FROM ((public.approval_requests r
     JOIN public.documents d ON ((d.id = r.document_id)))
     JOIN public.projects p ON ((p.id = d.project_id)))
  WHERE (r.status = 'open'::text);


ALTER TABLE reporting.open_approvals OWNER TO app_owner;

--
-- Name: overdue_deadlines; Type: VIEW; Schema: reporting; Owner: app_owner
--

CREATE VIEW reporting.overdue_deadlines AS
 SELECT dl.id,
    dl.due_on,
    p.title
   FROM (public.deadlines dl
     JOIN public.projects p ON ((p.id = dl.project_id)))
  WHERE ((NOT dl.done) AND (dl.due_on < CURRENT_DATE));


ALTER TABLE reporting.overdue_deadlines OWNER TO app_owner;

--
-- Name: api_tokens id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.api_tokens ALTER COLUMN id SET DEFAULT nextval('public.api_tokens_id_seq'::regclass);


--
-- Name: approval_comments id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_comments ALTER COLUMN id SET DEFAULT nextval('public.approval_comments_id_seq'::regclass);


--
-- Name: approval_decisions id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_decisions ALTER COLUMN id SET DEFAULT nextval('public.approval_decisions_id_seq'::regclass);


--
-- Name: approval_requests id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_requests ALTER COLUMN id SET DEFAULT nextval('public.approval_requests_id_seq'::regclass);


--
-- Name: audit_log id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.audit_log ALTER COLUMN id SET DEFAULT nextval('public.audit_log_id_seq'::regclass);


--
-- Name: backups id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.backups ALTER COLUMN id SET DEFAULT nextval('public.backups_id_seq'::regclass);


--
-- Name: deadline_rules id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.deadline_rules ALTER COLUMN id SET DEFAULT nextval('public.deadline_rules_id_seq'::regclass);


--
-- Name: deadlines id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.deadlines ALTER COLUMN id SET DEFAULT nextval('public.deadlines_id_seq'::regclass);


--
-- Name: document_versions id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.document_versions ALTER COLUMN id SET DEFAULT nextval('public.document_versions_id_seq'::regclass);


--
-- Name: documents id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.documents ALTER COLUMN id SET DEFAULT nextval('public.documents_id_seq'::regclass);


--
-- Name: invoice_lines id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.invoice_lines ALTER COLUMN id SET DEFAULT nextval('public.invoice_lines_id_seq'::regclass);


--
-- Name: invoices id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.invoices ALTER COLUMN id SET DEFAULT nextval('public.invoices_id_seq'::regclass);


--
-- Name: job_failures id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.job_failures ALTER COLUMN id SET DEFAULT nextval('public.job_failures_id_seq'::regclass);


--
-- Name: jobs id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.jobs ALTER COLUMN id SET DEFAULT nextval('public.jobs_id_seq'::regclass);


--
-- Name: legal_sources id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.legal_sources ALTER COLUMN id SET DEFAULT nextval('public.legal_sources_id_seq'::regclass);


--
-- Name: notifications id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.notifications ALTER COLUMN id SET DEFAULT nextval('public.notifications_id_seq'::regclass);


--
-- Name: organisations id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.organisations ALTER COLUMN id SET DEFAULT nextval('public.organisations_id_seq'::regclass);


--
-- Name: payments id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.payments ALTER COLUMN id SET DEFAULT nextval('public.payments_id_seq'::regclass);


--
-- Name: plans id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.plans ALTER COLUMN id SET DEFAULT nextval('public.plans_id_seq'::regclass);


--
-- Name: project_tags id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.project_tags ALTER COLUMN id SET DEFAULT nextval('public.project_tags_id_seq'::regclass);


--
-- Name: projects id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.projects ALTER COLUMN id SET DEFAULT nextval('public.projects_id_seq'::regclass);


--
-- Name: roles id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.roles ALTER COLUMN id SET DEFAULT nextval('public.roles_id_seq'::regclass);


--
-- Name: submission_drafts id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.submission_drafts ALTER COLUMN id SET DEFAULT nextval('public.submission_drafts_id_seq'::regclass);


--
-- Name: subscriptions id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.subscriptions ALTER COLUMN id SET DEFAULT nextval('public.subscriptions_id_seq'::regclass);


--
-- Name: users id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);


--
-- Name: webhook_deliveries id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.webhook_deliveries ALTER COLUMN id SET DEFAULT nextval('public.webhook_deliveries_id_seq'::regclass);


--
-- Name: webhooks id; Type: DEFAULT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.webhooks ALTER COLUMN id SET DEFAULT nextval('public.webhooks_id_seq'::regclass);


--
-- Name: api_tokens api_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_pkey PRIMARY KEY (id);


--
-- Name: applied_migrations applied_migrations_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.applied_migrations
    ADD CONSTRAINT applied_migrations_pkey PRIMARY KEY (version);


--
-- Name: approval_comments approval_comments_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_comments
    ADD CONSTRAINT approval_comments_pkey PRIMARY KEY (id);


--
-- Name: approval_decisions approval_decisions_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_decisions
    ADD CONSTRAINT approval_decisions_pkey PRIMARY KEY (id);


--
-- Name: approval_requests approval_requests_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_requests
    ADD CONSTRAINT approval_requests_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: backups backups_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.backups
    ADD CONSTRAINT backups_pkey PRIMARY KEY (id);


--
-- Name: deadline_rules deadline_rules_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.deadline_rules
    ADD CONSTRAINT deadline_rules_pkey PRIMARY KEY (id);


--
-- Name: deadlines deadlines_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.deadlines
    ADD CONSTRAINT deadlines_pkey PRIMARY KEY (id);


--
-- Name: document_versions document_versions_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.document_versions
    ADD CONSTRAINT document_versions_pkey PRIMARY KEY (id);


--
-- Name: documents documents_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_pkey PRIMARY KEY (id);


--
-- Name: feature_flags feature_flags_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.feature_flags
    ADD CONSTRAINT feature_flags_pkey PRIMARY KEY (key);


--
-- Name: holidays holidays_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.holidays
    ADD CONSTRAINT holidays_pkey PRIMARY KEY (day);


--
-- Name: invoice_lines invoice_lines_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.invoice_lines
    ADD CONSTRAINT invoice_lines_pkey PRIMARY KEY (id);


--
-- Name: invoices invoices_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT invoices_pkey PRIMARY KEY (id);


--
-- Name: job_failures job_failures_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.job_failures
    ADD CONSTRAINT job_failures_pkey PRIMARY KEY (id);


--
-- Name: jobs jobs_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.jobs
    ADD CONSTRAINT jobs_pkey PRIMARY KEY (id);


--
-- Name: legal_sources legal_sources_code_key; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.legal_sources
    ADD CONSTRAINT legal_sources_code_key UNIQUE (code);


--
-- Name: legal_sources legal_sources_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.legal_sources
    ADD CONSTRAINT legal_sources_pkey PRIMARY KEY (id);


--
-- Name: notification_preferences notification_preferences_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.notification_preferences
    ADD CONSTRAINT notification_preferences_pkey PRIMARY KEY (user_id);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);


--
-- Name: organisations organisations_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.organisations
    ADD CONSTRAINT organisations_pkey PRIMARY KEY (id);


--
-- Name: payments payments_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.payments
    ADD CONSTRAINT payments_pkey PRIMARY KEY (id);


--
-- Name: plans plans_code_key; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.plans
    ADD CONSTRAINT plans_code_key UNIQUE (code);


--
-- Name: plans plans_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.plans
    ADD CONSTRAINT plans_pkey PRIMARY KEY (id);


--
-- Name: project_members project_members_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.project_members
    ADD CONSTRAINT project_members_pkey PRIMARY KEY (project_id, user_id);


--
-- Name: project_tags project_tags_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.project_tags
    ADD CONSTRAINT project_tags_pkey PRIMARY KEY (id);


--
-- Name: projects projects_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (id);


--
-- Name: roles roles_name_key; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.roles
    ADD CONSTRAINT roles_name_key UNIQUE (name);


--
-- Name: roles roles_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.roles
    ADD CONSTRAINT roles_pkey PRIMARY KEY (id);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);


--
-- Name: settings settings_pkey; Type: CONSTRAINT; Schema: public; Owner: dba
--

ALTER TABLE ONLY public.settings
    ADD CONSTRAINT settings_pkey PRIMARY KEY (key);


--
-- Name: submission_drafts submission_drafts_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.submission_drafts
    ADD CONSTRAINT submission_drafts_pkey PRIMARY KEY (id);


--
-- Name: subscriptions subscriptions_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT subscriptions_pkey PRIMARY KEY (id);


--
-- Name: user_roles user_roles_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.user_roles
    ADD CONSTRAINT user_roles_pkey PRIMARY KEY (user_id, role_id);


--
-- Name: users users_email_key; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_email_key UNIQUE (email);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: webhook_deliveries webhook_deliveries_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id);


--
-- Name: webhooks webhooks_pkey; Type: CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.webhooks
    ADD CONSTRAINT webhooks_pkey PRIMARY KEY (id);


--
-- Name: approval_requests_status_idx; Type: INDEX; Schema: public; Owner: app_owner
--

CREATE INDEX approval_requests_status_idx ON public.approval_requests USING btree (status);


--
-- Name: documents_project_idx; Type: INDEX; Schema: public; Owner: app_owner
--

CREATE INDEX documents_project_idx ON public.documents USING btree (project_id);


--
-- Name: approval_requests approval_requests_audit; Type: TRIGGER; Schema: public; Owner: app_owner
--

CREATE TRIGGER approval_requests_audit AFTER INSERT OR UPDATE ON public.approval_requests FOR EACH ROW EXECUTE FUNCTION public.audit_row();


--
-- Name: documents documents_audit; Type: TRIGGER; Schema: public; Owner: app_owner
--

CREATE TRIGGER documents_audit AFTER INSERT OR UPDATE ON public.documents FOR EACH ROW EXECUTE FUNCTION public.audit_row();


--
-- Name: documents documents_touch; Type: TRIGGER; Schema: public; Owner: app_owner
--

CREATE TRIGGER documents_touch BEFORE UPDATE ON public.documents FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();


--
-- Name: api_tokens api_tokens_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT api_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: approval_comments approval_comments_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_comments
    ADD CONSTRAINT approval_comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.users(id);


--
-- Name: approval_comments approval_comments_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_comments
    ADD CONSTRAINT approval_comments_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.approval_requests(id);


--
-- Name: approval_decisions approval_decisions_decided_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_decisions
    ADD CONSTRAINT approval_decisions_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES public.users(id);


--
-- Name: approval_decisions approval_decisions_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_decisions
    ADD CONSTRAINT approval_decisions_request_id_fkey FOREIGN KEY (request_id) REFERENCES public.approval_requests(id);


--
-- Name: approval_requests approval_requests_document_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_requests
    ADD CONSTRAINT approval_requests_document_id_fkey FOREIGN KEY (document_id) REFERENCES public.documents(id);


--
-- Name: approval_requests approval_requests_previous_request_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_requests
    ADD CONSTRAINT approval_requests_previous_request_id_fkey FOREIGN KEY (previous_request_id) REFERENCES public.approval_requests(id);


--
-- Name: approval_requests approval_requests_requested_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.approval_requests
    ADD CONSTRAINT approval_requests_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES public.users(id);


--
-- Name: deadline_rules deadline_rules_legal_source_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.deadline_rules
    ADD CONSTRAINT deadline_rules_legal_source_id_fkey FOREIGN KEY (legal_source_id) REFERENCES public.legal_sources(id);


--
-- Name: deadlines deadlines_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.deadlines
    ADD CONSTRAINT deadlines_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);


--
-- Name: deadlines deadlines_rule_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.deadlines
    ADD CONSTRAINT deadlines_rule_id_fkey FOREIGN KEY (rule_id) REFERENCES public.deadline_rules(id);


--
-- Name: document_versions document_versions_document_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.document_versions
    ADD CONSTRAINT document_versions_document_id_fkey FOREIGN KEY (document_id) REFERENCES public.documents(id);


--
-- Name: documents documents_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);


--
-- Name: invoice_lines invoice_lines_invoice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.invoice_lines
    ADD CONSTRAINT invoice_lines_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES public.invoices(id);


--
-- Name: invoices invoices_subscription_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT invoices_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES public.subscriptions(id);


--
-- Name: job_failures job_failures_job_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.job_failures
    ADD CONSTRAINT job_failures_job_id_fkey FOREIGN KEY (job_id) REFERENCES public.jobs(id);


--
-- Name: notification_preferences notification_preferences_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.notification_preferences
    ADD CONSTRAINT notification_preferences_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: notifications notifications_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: payments payments_invoice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.payments
    ADD CONSTRAINT payments_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES public.invoices(id);


--
-- Name: project_members project_members_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.project_members
    ADD CONSTRAINT project_members_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);


--
-- Name: project_members project_members_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.project_members
    ADD CONSTRAINT project_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: project_tags project_tags_project_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.project_tags
    ADD CONSTRAINT project_tags_project_id_fkey FOREIGN KEY (project_id) REFERENCES public.projects(id);


--
-- Name: projects projects_created_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_created_by_fkey FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: projects projects_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.projects
    ADD CONSTRAINT projects_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id);


--
-- Name: sessions sessions_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: submission_drafts submission_drafts_deadline_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.submission_drafts
    ADD CONSTRAINT submission_drafts_deadline_id_fkey FOREIGN KEY (deadline_id) REFERENCES public.deadlines(id);


--
-- Name: subscriptions subscriptions_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT subscriptions_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id);


--
-- Name: subscriptions subscriptions_plan_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT subscriptions_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.plans(id);


--
-- Name: user_roles user_roles_role_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.user_roles
    ADD CONSTRAINT user_roles_role_id_fkey FOREIGN KEY (role_id) REFERENCES public.roles(id);


--
-- Name: user_roles user_roles_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.user_roles
    ADD CONSTRAINT user_roles_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: users users_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT users_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id);


--
-- Name: webhook_deliveries webhook_deliveries_webhook_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_webhook_id_fkey FOREIGN KEY (webhook_id) REFERENCES public.webhooks(id);


--
-- Name: webhooks webhooks_organisation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: app_owner
--

ALTER TABLE ONLY public.webhooks
    ADD CONSTRAINT webhooks_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES public.organisations(id);


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: app_owner
--

REVOKE USAGE ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO PUBLIC;
GRANT USAGE ON SCHEMA public TO app_rw;
GRANT USAGE ON SCHEMA public TO app_ro;


--
-- Name: SCHEMA reporting; Type: ACL; Schema: -; Owner: app_owner
--

GRANT USAGE ON SCHEMA reporting TO app_rw;
GRANT USAGE ON SCHEMA reporting TO app_ro;


--
-- Name: TABLE api_tokens; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.api_tokens TO app_rw;
GRANT SELECT ON TABLE public.api_tokens TO app_ro;


--
-- Name: SEQUENCE api_tokens_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.api_tokens_id_seq TO app_rw;


--
-- Name: TABLE applied_migrations; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.applied_migrations TO app_rw;
GRANT SELECT ON TABLE public.applied_migrations TO app_ro;


--
-- Name: TABLE approval_comments; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.approval_comments TO app_rw;
GRANT SELECT ON TABLE public.approval_comments TO app_ro;


--
-- Name: SEQUENCE approval_comments_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.approval_comments_id_seq TO app_rw;


--
-- Name: TABLE approval_decisions; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.approval_decisions TO app_rw;
GRANT SELECT ON TABLE public.approval_decisions TO app_ro;


--
-- Name: SEQUENCE approval_decisions_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.approval_decisions_id_seq TO app_rw;


--
-- Name: TABLE approval_requests; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.approval_requests TO app_rw;
GRANT SELECT ON TABLE public.approval_requests TO app_ro;


--
-- Name: SEQUENCE approval_requests_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.approval_requests_id_seq TO app_rw;


--
-- Name: TABLE audit_log; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.audit_log TO app_rw;
GRANT SELECT ON TABLE public.audit_log TO app_ro;


--
-- Name: SEQUENCE audit_log_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.audit_log_id_seq TO app_rw;


--
-- Name: TABLE backups; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.backups TO app_rw;
GRANT SELECT ON TABLE public.backups TO app_ro;


--
-- Name: SEQUENCE backups_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.backups_id_seq TO app_rw;


--
-- Name: TABLE deadline_rules; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.deadline_rules TO app_rw;
GRANT SELECT ON TABLE public.deadline_rules TO app_ro;


--
-- Name: SEQUENCE deadline_rules_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.deadline_rules_id_seq TO app_rw;


--
-- Name: TABLE deadlines; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.deadlines TO app_rw;
GRANT SELECT ON TABLE public.deadlines TO app_ro;


--
-- Name: SEQUENCE deadlines_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.deadlines_id_seq TO app_rw;


--
-- Name: TABLE document_versions; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.document_versions TO app_rw;
GRANT SELECT ON TABLE public.document_versions TO app_ro;


--
-- Name: SEQUENCE document_versions_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.document_versions_id_seq TO app_rw;


--
-- Name: TABLE documents; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.documents TO app_rw;
GRANT SELECT ON TABLE public.documents TO app_ro;


--
-- Name: SEQUENCE documents_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.documents_id_seq TO app_rw;


--
-- Name: TABLE feature_flags; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.feature_flags TO app_rw;
GRANT SELECT ON TABLE public.feature_flags TO app_ro;


--
-- Name: TABLE holidays; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.holidays TO app_rw;
GRANT SELECT ON TABLE public.holidays TO app_ro;


--
-- Name: TABLE invoice_lines; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.invoice_lines TO app_rw;
GRANT SELECT ON TABLE public.invoice_lines TO app_ro;


--
-- Name: SEQUENCE invoice_lines_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.invoice_lines_id_seq TO app_rw;


--
-- Name: SEQUENCE invoice_number_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.invoice_number_seq TO app_rw;


--
-- Name: TABLE invoices; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.invoices TO app_rw;
GRANT SELECT ON TABLE public.invoices TO app_ro;


--
-- Name: SEQUENCE invoices_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.invoices_id_seq TO app_rw;


--
-- Name: TABLE job_failures; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.job_failures TO app_rw;
GRANT SELECT ON TABLE public.job_failures TO app_ro;


--
-- Name: SEQUENCE job_failures_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.job_failures_id_seq TO app_rw;


--
-- Name: TABLE jobs; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.jobs TO app_rw;
GRANT SELECT ON TABLE public.jobs TO app_ro;


--
-- Name: SEQUENCE jobs_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.jobs_id_seq TO app_rw;


--
-- Name: TABLE legal_sources; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.legal_sources TO app_rw;
GRANT SELECT ON TABLE public.legal_sources TO app_ro;


--
-- Name: SEQUENCE legal_sources_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.legal_sources_id_seq TO app_rw;


--
-- Name: TABLE notification_preferences; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notification_preferences TO app_rw;
GRANT SELECT ON TABLE public.notification_preferences TO app_ro;


--
-- Name: TABLE notifications; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notifications TO app_rw;
GRANT SELECT ON TABLE public.notifications TO app_ro;


--
-- Name: SEQUENCE notifications_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.notifications_id_seq TO app_rw;


--
-- Name: TABLE organisations; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.organisations TO app_rw;
GRANT SELECT ON TABLE public.organisations TO app_ro;


--
-- Name: SEQUENCE organisations_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.organisations_id_seq TO app_rw;


--
-- Name: TABLE payments; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.payments TO app_rw;
GRANT SELECT ON TABLE public.payments TO app_ro;


--
-- Name: SEQUENCE payments_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.payments_id_seq TO app_rw;


--
-- Name: TABLE plans; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.plans TO app_rw;
GRANT SELECT ON TABLE public.plans TO app_ro;


--
-- Name: SEQUENCE plans_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.plans_id_seq TO app_rw;


--
-- Name: TABLE project_members; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.project_members TO app_rw;
GRANT SELECT ON TABLE public.project_members TO app_ro;


--
-- Name: TABLE project_tags; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.project_tags TO app_rw;
GRANT SELECT ON TABLE public.project_tags TO app_ro;


--
-- Name: SEQUENCE project_tags_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.project_tags_id_seq TO app_rw;


--
-- Name: TABLE projects; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.projects TO app_rw;
GRANT SELECT ON TABLE public.projects TO app_ro;


--
-- Name: SEQUENCE projects_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.projects_id_seq TO app_rw;


--
-- Name: TABLE roles; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.roles TO app_rw;
GRANT SELECT ON TABLE public.roles TO app_ro;


--
-- Name: SEQUENCE roles_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.roles_id_seq TO app_rw;


--
-- Name: TABLE sessions; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sessions TO app_rw;
GRANT SELECT ON TABLE public.sessions TO app_ro;


--
-- Name: TABLE settings; Type: ACL; Schema: public; Owner: dba
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.settings TO app_rw;
GRANT SELECT ON TABLE public.settings TO app_ro;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.settings TO app_owner;


--
-- Name: TABLE submission_drafts; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.submission_drafts TO app_rw;
GRANT SELECT ON TABLE public.submission_drafts TO app_ro;


--
-- Name: SEQUENCE submission_drafts_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.submission_drafts_id_seq TO app_rw;


--
-- Name: TABLE subscriptions; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.subscriptions TO app_rw;
GRANT SELECT ON TABLE public.subscriptions TO app_ro;


--
-- Name: SEQUENCE subscriptions_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.subscriptions_id_seq TO app_rw;


--
-- Name: TABLE user_roles; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.user_roles TO app_rw;
GRANT SELECT ON TABLE public.user_roles TO app_ro;


--
-- Name: TABLE users; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.users TO app_rw;
GRANT SELECT ON TABLE public.users TO app_ro;


--
-- Name: SEQUENCE users_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.users_id_seq TO app_rw;


--
-- Name: TABLE webhook_deliveries; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.webhook_deliveries TO app_rw;
GRANT SELECT ON TABLE public.webhook_deliveries TO app_ro;


--
-- Name: SEQUENCE webhook_deliveries_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.webhook_deliveries_id_seq TO app_rw;


--
-- Name: TABLE webhooks; Type: ACL; Schema: public; Owner: app_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.webhooks TO app_rw;
GRANT SELECT ON TABLE public.webhooks TO app_ro;


--
-- Name: SEQUENCE webhooks_id_seq; Type: ACL; Schema: public; Owner: app_owner
--

GRANT USAGE ON SEQUENCE public.webhooks_id_seq TO app_rw;


--
-- Name: TABLE monthly_revenue; Type: ACL; Schema: reporting; Owner: app_owner
--

GRANT SELECT ON TABLE reporting.monthly_revenue TO app_ro;


--
-- Name: TABLE open_approvals; Type: ACL; Schema: reporting; Owner: app_owner
--

GRANT SELECT ON TABLE reporting.open_approvals TO app_ro;


--
-- Name: TABLE overdue_deadlines; Type: ACL; Schema: reporting; Owner: app_owner
--

GRANT SELECT ON TABLE reporting.overdue_deadlines TO app_ro;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: public; Owner: app_owner
--

ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA public GRANT SELECT,INSERT,DELETE,UPDATE ON TABLES  TO app_rw;
ALTER DEFAULT PRIVILEGES FOR ROLE app_owner IN SCHEMA public GRANT SELECT ON TABLES  TO app_ro;


--
-- PostgreSQL database dump complete
--

\unrestrict 4J9QQBZFWJEXoTV5wusN1hUzPLUzL3d1rRqf4H9yKhROaCrDg2X22cMgLAivegC

--
-- PostgreSQL database dump
--

\restrict EJKSws8rSOeMqwg5XLpj3s72BgwgCJXk2ETGRYlFFXZ8WYRfwXavZjlAPlNZO1A

-- Dumped from database version 13.23
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Data for Name: applied_migrations; Type: TABLE DATA; Schema: public; Owner: app_owner
--

COPY public.applied_migrations (version, name, applied_at, checksum, execution_ms, applied_by) FROM stdin;
1	core_accounts	2026-11-23 02:12:22.178959+00	1e5b4ea95dd7b010835cd28c4970dd93ff77f95703ee97435c2101a6503d217c	51	app_owner@vm
2	projects	2026-11-23 02:12:22.236779+00	8487ddc628243adb033f6b267a8d1e808aa5e411e58f98228ce603f274454433	39	app_owner@vm
3	deadlines	2026-11-23 02:12:22.279487+00	6a4a0b926a822c8c919e61d68b8a7020579c12ac90a88a0ff8b64bc574daf5fc	37	app_owner@vm
4	approvals	2026-11-23 02:12:22.319241+00	3575a2a7b7ee3574a8e3bb8c2565cce3ad7b7961ea47255e64f3da36bf3075e5	26	app_owner@vm
5	audit	2026-11-23 02:12:22.349836+00	eedd7df9bbcab11449bd1ec5aad7327ce40e515b808dfe18a7b97f7276bbeabc	11	app_owner@vm
6	billing	2026-11-23 02:12:22.363652+00	28cfcaaefdcc60105ce7e67219c8f47cc55037c3c6bc004d869e0dd8fe23c965	45	app_owner@vm
7	notifications	2026-11-23 02:12:22.41144+00	be6213da45a529dbd1edb4952a64a5b2fd6c3d68b0919e208c8a62ac0befd1e8	42	app_owner@vm
8	backups_and_jobs	2026-11-23 02:12:22.462897+00	96497bf34b68875b451cd7d318b4e60da5e4602874cf33031e3f6721fede56df	46	app_owner@vm
9	reporting	2026-11-23 02:12:22.512228+00	58463227e55b715cd5b89a8a113539cc37c870df8f93dbffc005980f51e588fa	6	app_owner@vm
10	grants	2026-11-23 02:12:22.521707+00	0bc2d940c10c92cba8b73fd894db293f1ae15de7161a79b32ec1830e008a66d9	5	app_owner@vm
91	drop_rule_flags	2026-11-23 02:12:22.529054+00	003dd3691c51e7fc05d5f98a84a91f0d182394adb9f0f393d3ad5a3a29d8be10	2	app_owner@vm
123	backups_retention	2026-11-23 02:12:22.53452+00	042ef0a38607c0d34147d7c4eb68023d5b0bae18159b0f100ebf100ffd04fb83	0	app_owner@vm
\.


--
-- PostgreSQL database dump complete
--

\unrestrict EJKSws8rSOeMqwg5XLpj3s72BgwgCJXk2ETGRYlFFXZ8WYRfwXavZjlAPlNZO1A

