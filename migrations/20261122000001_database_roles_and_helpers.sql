-- Platform foundation, part 1: extensions, database roles and the `app` schema with the
-- request-context helpers every policy uses (SPEC §2.3, PLT-RLS).

create extension if not exists citext;
create extension if not exists pg_trgm;
create extension if not exists btree_gist;
create extension if not exists pgcrypto;

-- Roles are cluster-wide, so they are created idempotently: several databases of one
-- cluster (tests, environments) share them.
--   cc_app          the login role of the server: owns nothing, NOINHERIT, no BYPASSRLS;
--                   it can only SET ROLE to one of the roles below.
--   cc_anon         requests without a principal (login, refresh, health checks).
--   cc_staff        group role of every signed-in user; the 15 application roles are
--                   members of it and inherit its privileges.
--   cc_<role>       one NOLOGIN role per application role (SPEC §3).
--   cc_integration  machine principals (n8n API keys).
--   cc_worker       background jobs.
do $$
declare
  r text;
  app_roles text[] := array[
    'super_admin', 'director', 'marketing_manager', 'marketing_staff', 'sales_manager',
    'salesperson', 'sales_support', 'ops_exim', 'ops_domestic', 'ops_import_dtd',
    'ops_warehouse', 'finance_manager', 'finance_staff', 'cs_admin', 'cs_agent'];
begin
  if not exists (select 1 from pg_roles where rolname = 'cc_app') then
    create role cc_app login noinherit nosuperuser nocreatedb nocreaterole nobypassrls;
  end if;
  foreach r in array array['cc_anon', 'cc_staff', 'cc_integration', 'cc_worker'] loop
    if not exists (select 1 from pg_roles where rolname = r) then
      execute format('create role %I nologin nosuperuser nobypassrls', r);
    end if;
  end loop;
  foreach r in array app_roles loop
    if not exists (select 1 from pg_roles where rolname = 'cc_' || r) then
      execute format('create role %I nologin nosuperuser nobypassrls', 'cc_' || r);
    end if;
    if not pg_has_role('cc_' || r, 'cc_staff', 'member') then
      execute format('grant cc_staff to %I', 'cc_' || r);
    end if;
    if not pg_has_role('cc_app', 'cc_' || r, 'member') then
      execute format('grant %I to cc_app', 'cc_' || r);
    end if;
  end loop;
  foreach r in array array['cc_anon', 'cc_integration', 'cc_worker'] loop
    if not pg_has_role('cc_app', r, 'member') then
      execute format('grant %I to cc_app', r);
    end if;
  end loop;
end
$$;

-- Nobody but the owner creates objects.
revoke create on schema public from public;

create schema if not exists app;
revoke all on schema app from public;
grant usage on schema app to cc_app, cc_anon, cc_staff, cc_integration, cc_worker;
grant usage on schema public to cc_app, cc_anon, cc_staff, cc_integration, cc_worker;

-- Request context, set by persistence::begin() with set_config(..., true) right after BEGIN.
create function app.uid() returns uuid
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;

create function app.role() returns text
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.role', true), '') $$;

create function app.dept() returns text
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.dept', true), '') $$;

create function app.api_key_id() returns uuid
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.api_key_id', true), '')::uuid $$;

create function app.request_id() returns text
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.request_id', true), '') $$;

-- The principal an idempotency key or fingerprint belongs to: a user or an API key.
create function app.principal() returns text
  language sql stable parallel safe
  as $$
    select coalesce('user:' || app.uid()::text, 'key:' || app.api_key_id()::text)
  $$;

-- Shared trigger helper: keeps updated_at current.
create function set_updated_at() returns trigger
  language plpgsql
  as $$
begin
  new.updated_at := now();
  return new;
end
$$;
