-- User activity log (SPEC §4.9 USR-2, issue #17 item 4): sign-ins, failed sign-ins,
-- sign-outs, exports with their filters, imports, views of sensitive pages and API-key
-- use, read by super_admin only.
--
-- Nobody holds INSERT or UPDATE on the table. Events are written by the narrow SECURITY
-- DEFINER functions below, each of which decides the user itself (from the session being
-- started or ended, from the e-mail typed, or from `app.uid()`), so no caller can write an
-- event in somebody else's name. Only the worker deletes: the retention job.

create table user_events (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  type text not null
    constraint user_events_type_known check (type in ('login', 'login_failed', 'logout', 'export',
                                                      'import', 'view_sensitive', 'api_key_used')),
  -- Null for a failed sign-in of an unknown e-mail and for API-key use.
  user_id uuid references profiles (id) on delete set null,
  -- The e-mail as typed, for failed sign-ins only (never the password).
  email text constraint user_events_email_length check (length(email) <= 320),
  api_key_id uuid references api_keys (id) on delete set null,
  api_key_name text,
  -- What was exported or viewed: `exports/invoices`, `invoices/{id}`, `rfq/{id}` …
  resource text constraint user_events_resource_length check (length(resource) <= 300),
  -- Export filters; an import's id, module and counts.
  details jsonb not null default '{}'::jsonb,
  ip inet,
  user_agent text constraint user_events_user_agent_length check (length(user_agent) <= 500),
  request_id text,
  constraint user_events_has_actor check (
    user_id is not null or email is not null or api_key_id is not null or type = 'api_key_used')
);

-- The admin page's filters (newest first, by type, by user) and the retention's range.
create index user_events_occurred_at_idx on user_events (occurred_at desc, id desc);
create index user_events_type_occurred_at_idx on user_events (type, occurred_at desc);
create index user_events_user_id_occurred_at_idx on user_events (user_id, occurred_at desc)
  where user_id is not null;

alter table user_events enable row level security;

-- Reading: super_admin only (director reads the audit log but not this one: SPEC §3 puts
-- users and their administration under super_admin).
grant select on user_events to cc_super_admin;
create policy user_events_select_super_admin on user_events for select to cc_super_admin
  using ((select app.uid()) is not null);

-- Retention: the worker reads the dates and deletes what is older than the setting.
grant select (id, occurred_at), delete on user_events to cc_worker;
create policy user_events_select_worker on user_events for select to cc_worker using (true);
create policy user_events_delete_worker on user_events for delete to cc_worker using (true);

-- ---------------------------------------------------------------------------------------
-- Writers (SECURITY DEFINER, fixed search_path, EXECUTE only for the role that needs it).

-- A successful sign-in, in the transaction that started the session: the user is the
-- owner of the refresh token issued in this very transaction, so the event cannot be
-- written for anyone else. Caller: cc_anon.
create function app.user_event_login(p_token_hash text, p_ip inet, p_user_agent text)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    insert into public.user_events (type, user_id, ip, user_agent, request_id)
    select 'login', r.user_id, p_ip, left(p_user_agent, 500),
           nullif(current_setting('app.request_id', true), '')
      from public.refresh_tokens r
     where r.token_hash = p_token_hash and r.created_at = now() and r.used_at is null;
  $$;

-- A refused sign-in: the e-mail as typed (trimmed, at most 320 characters) and its user
-- when the e-mail is known. Anybody can cause this event by trying to sign in, so the
-- function gives no power the login endpoint does not. Caller: cc_anon.
create function app.user_event_login_failed(p_email text, p_ip inet, p_user_agent text)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    insert into public.user_events (type, user_id, email, ip, user_agent, request_id)
    values ('login_failed',
            (select p.id from public.profiles p where p.email = btrim(p_email)::citext),
            left(btrim(p_email), 320), p_ip, left(p_user_agent, 500),
            nullif(current_setting('app.request_id', true), ''));
  $$;

-- A sign-out, before its session family is revoked: written once, while the family still
-- has a live token; the user is the token's owner. Caller: cc_anon.
create function app.user_event_logout(p_token_hash text, p_ip inet, p_user_agent text)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    insert into public.user_events (type, user_id, ip, user_agent, request_id)
    select 'logout', r.user_id, p_ip, left(p_user_agent, 500),
           nullif(current_setting('app.request_id', true), '')
      from public.refresh_tokens r
     where r.token_hash = p_token_hash
       and exists (select 1 from public.refresh_tokens f
                    where f.family_id = r.family_id and f.revoked_at is null);
  $$;

-- The signed-in caller's own export, import or view of a sensitive page. The user is
-- always `app.uid()`. Caller: cc_staff.
create function app.user_event_record(p_type text, p_resource text, p_details jsonb,
                                      p_ip inet, p_user_agent text)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
begin
  if app.uid() is null or p_type not in ('export', 'import', 'view_sensitive') then
    raise exception 'not an event a user records' using errcode = '42501';
  end if;
  insert into public.user_events (type, user_id, resource, details, ip, user_agent, request_id)
  values (p_type, app.uid(), left(p_resource, 300), coalesce(p_details, '{}'::jsonb), p_ip,
          left(p_user_agent, 500), nullif(current_setting('app.request_id', true), ''));
end
$$;

-- API-key use, at most once per key per minute: `app.auth_api_key` stamps `last_used_at`
-- at most once a minute (under the row's lock, so concurrent requests stamp it once), and
-- each stamp is one event. Deferred to the commit of the request, so a request that fails
-- records nothing and its request id is known by then.
create function app.user_event_api_key_used()
  returns trigger
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
begin
  insert into public.user_events (type, api_key_id, api_key_name, request_id, occurred_at)
  values ('api_key_used', new.id, new.name, nullif(current_setting('app.request_id', true), ''),
          new.last_used_at);
  return null;
end
$$;

create constraint trigger api_keys_user_event_used
  after update of last_used_at on api_keys
  deferrable initially deferred
  for each row
  when (new.last_used_at is not null
        and (old.last_used_at is null or new.last_used_at > old.last_used_at))
  execute function app.user_event_api_key_used();

revoke execute on function app.user_event_login(text, inet, text),
  app.user_event_login_failed(text, inet, text), app.user_event_logout(text, inet, text),
  app.user_event_record(text, text, jsonb, inet, text), app.user_event_api_key_used()
  from public;
grant execute on function app.user_event_login(text, inet, text),
  app.user_event_login_failed(text, inet, text), app.user_event_logout(text, inet, text)
  to cc_anon;
grant execute on function app.user_event_record(text, text, jsonb, inet, text) to cc_staff;
