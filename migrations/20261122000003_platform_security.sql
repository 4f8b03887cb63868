-- Platform foundation, part 3: row-level security, privileges and the narrowly-scoped
-- SECURITY DEFINER functions of authentication (SPEC §2.3, §2.4). Every function here
-- returns ids or the caller's own data, never rows the caller may not read; each one is
-- listed in docs/architecture.md with why it exists.

-- Default deny everywhere: RLS on every table, including the migration ledger.
alter table _sqlx_migrations enable row level security;
alter table roles enable row level security;
alter table departments enable row level security;
alter table profiles enable row level security;
alter table refresh_tokens enable row level security;
alter table api_keys enable row level security;
alter table idempotency_keys enable row level security;
alter table audit_logs enable row level security;
alter table id_sequences enable row level security;
alter table files enable row level security;
alter table jobs enable row level security;

-- Reference data: readable by every signed-in user.
grant select on roles, departments to cc_staff;
create policy roles_select_staff on roles for select to cc_staff
  using ((select app.uid()) is not null);
create policy departments_select_staff on departments for select to cc_staff
  using ((select app.uid()) is not null);

-- profiles: a company directory for signed-in staff (never the password hash);
-- self-service edits of name, language and password; administration by super_admin
-- (any user) and cs_admin (CS agents only, AUTH-3).
grant select (id, email, full_name, role_name, dept_code, manager_user_id, is_active, language,
              password_changed_at, last_login_at, deactivated_at, created_by, created_at, updated_at)
  on profiles to cc_staff;
grant update (full_name, language, password_hash, password_changed_at) on profiles to cc_staff;
grant insert (id, email, full_name, role_name, dept_code, manager_user_id, is_active, password_hash,
              language, created_by)
  on profiles to cc_super_admin, cc_cs_admin;
grant update (email, role_name, dept_code, manager_user_id, is_active, deactivated_at)
  on profiles to cc_super_admin, cc_cs_admin;

create policy profiles_select_staff on profiles for select to cc_staff
  using ((select app.uid()) is not null);
create policy profiles_update_self on profiles for update to cc_staff
  using (id = (select app.uid()))
  with check (id = (select app.uid()));
create policy profiles_insert_super_admin on profiles for insert to cc_super_admin
  with check ((select app.uid()) is not null);
create policy profiles_update_super_admin on profiles for update to cc_super_admin
  using ((select app.uid()) is not null)
  with check ((select app.uid()) is not null);
create policy profiles_insert_cs_admin on profiles for insert to cc_cs_admin
  with check (role_name = 'cs_agent' and dept_code = 'CS');
create policy profiles_update_cs_admin on profiles for update to cc_cs_admin
  using (role_name = 'cs_agent')
  with check (role_name = 'cs_agent' and dept_code = 'CS');

-- api_keys: super_admin only; the hash is never readable through the API role.
grant select (id, name, key_prefix, scopes, created_by, created_at, updated_at, last_used_at, revoked_at)
  on api_keys to cc_super_admin;
grant insert (id, name, key_prefix, key_hash, scopes, created_by) on api_keys to cc_super_admin;
grant update (name, revoked_at) on api_keys to cc_super_admin;
create policy api_keys_all_super_admin on api_keys for all to cc_super_admin
  using ((select app.uid()) is not null)
  with check ((select app.uid()) is not null);

-- idempotency_keys: each principal sees and writes only its own keys.
grant select, insert, update (response_status, response_body) on idempotency_keys
  to cc_staff, cc_integration;
create policy idempotency_keys_own on idempotency_keys for all to cc_staff, cc_integration
  using (principal = (select app.principal()))
  with check (principal = (select app.principal()));

-- audit_logs: append-only through audit_row_change(); read by super_admin and director.
grant select on audit_logs to cc_super_admin, cc_director;
create policy audit_logs_select_readers on audit_logs for select to cc_super_admin, cc_director
  using ((select app.uid()) is not null);

-- files: the uploader and super_admin; modules add their own access rules.
grant select, insert on files to cc_staff;
create policy files_select_own on files for select to cc_staff
  using (uploaded_by = (select app.uid()) or (select app.role()) = 'super_admin');
create policy files_insert_own on files for insert to cc_staff
  with check (uploaded_by = (select app.uid()));

-- jobs: the worker only.
grant select, insert, update, delete on jobs to cc_worker;
create policy jobs_all_worker on jobs for all to cc_worker using (true) with check (true);

-- refresh_tokens and id_sequences: no direct privileges at all; reached only through
-- the functions below.

-- ---------------------------------------------------------------------------------------
-- Authentication functions (SECURITY DEFINER, fixed search_path, EXECUTE only for the
-- role that needs it).

-- Login: the password hash and status of the account with this e-mail. Needed before a
-- principal exists. Caller: cc_anon.
create function app.auth_login_lookup(p_email text)
  returns table (user_id uuid, password_hash text, is_active boolean)
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    select p.id, p.password_hash, p.is_active from public.profiles p where p.email = p_email::citext
  $$;

-- The active principal behind an access token, evaluated at the start of every request
-- so that deactivation and role changes take effect at once. Caller: cc_app.
create function app.auth_principal(p_user_id uuid)
  returns table (user_id uuid, role_name text, dept_code text, email text, full_name text)
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    select p.id, p.role_name, p.dept_code, p.email::text, p.full_name
      from public.profiles p
     where p.id = p_user_id and p.is_active
  $$;

-- The API key behind a hash, if not revoked; stamps last_used_at at most once a minute.
-- Caller: cc_app.
create function app.auth_api_key(p_key_hash text)
  returns table (api_key_id uuid, name text, scopes text[])
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
begin
  update public.api_keys k set last_used_at = now()
   where k.key_hash = p_key_hash and k.revoked_at is null
     and (k.last_used_at is null or k.last_used_at < now() - interval '1 minute');
  return query
    select k.id, k.name, k.scopes from public.api_keys k
     where k.key_hash = p_key_hash and k.revoked_at is null;
end
$$;

-- Issues the first refresh token of a new family after a successful login and stamps
-- last_login_at. Caller: cc_anon (the password was verified by the server).
create function app.auth_start_session(p_user_id uuid, p_token_hash text, p_expires_at timestamptz)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    update public.profiles set last_login_at = now() where id = p_user_id and is_active;
    insert into public.refresh_tokens (user_id, family_id, token_hash, expires_at)
    select p.id, gen_random_uuid(), p_token_hash, p_expires_at
      from public.profiles p where p.id = p_user_id and p.is_active;
  $$;

-- Refresh rotation with reuse detection: a token that was already used (or revoked)
-- revokes its whole family. Outcome: 'rotated' | 'reused' | 'invalid'. Caller: cc_anon.
create function app.auth_rotate_refresh(p_token_hash text, p_new_hash text, p_expires_at timestamptz)
  returns table (outcome text, user_id uuid)
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  t public.refresh_tokens%rowtype;
  v_active boolean;
begin
  select * into t from public.refresh_tokens r where r.token_hash = p_token_hash for update;
  if not found then
    return query select 'invalid'::text, null::uuid;
    return;
  end if;
  if t.used_at is not null or t.revoked_at is not null then
    update public.refresh_tokens set revoked_at = coalesce(revoked_at, now())
     where family_id = t.family_id;
    return query select 'reused'::text, t.user_id;
    return;
  end if;
  select p.is_active into v_active from public.profiles p where p.id = t.user_id;
  if t.expires_at <= now() or not coalesce(v_active, false) then
    update public.refresh_tokens set revoked_at = now() where family_id = t.family_id;
    return query select 'invalid'::text, t.user_id;
    return;
  end if;
  update public.refresh_tokens set used_at = now() where id = t.id;
  insert into public.refresh_tokens (user_id, family_id, token_hash, expires_at)
  values (t.user_id, t.family_id, p_new_hash, p_expires_at);
  return query select 'rotated'::text, t.user_id;
end
$$;

-- Logout: revokes the family of a refresh token. Caller: cc_anon.
create function app.auth_end_session(p_token_hash text)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    update public.refresh_tokens set revoked_at = coalesce(revoked_at, now())
     where family_id in (select family_id from public.refresh_tokens where token_hash = p_token_hash);
  $$;

-- Change password: the caller's own hash, to verify the current password. Caller: cc_staff.
create function app.auth_my_password_hash()
  returns text
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$ select p.password_hash from public.profiles p where p.id = app.uid() $$;

-- Signs a user out everywhere: revokes all their refresh tokens. Allowed for oneself,
-- for super_admin, and for cs_admin on CS agents. Caller: cc_staff.
create function app.auth_revoke_user_sessions(p_user_id uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
begin
  if p_user_id is distinct from app.uid()
     and app.role() is distinct from 'super_admin'
     and not (app.role() = 'cs_admin'
              and exists (select 1 from public.profiles where id = p_user_id and role_name = 'cs_agent')) then
    raise exception 'not allowed to end the sessions of this user' using errcode = '42501';
  end if;
  update public.refresh_tokens set revoked_at = coalesce(revoked_at, now())
   where user_id = p_user_id and revoked_at is null;
end
$$;

-- Readiness: the newest applied migration. Caller: cc_anon.
create function app.schema_version()
  returns bigint
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$ select max(version) from public._sqlx_migrations where success $$;

-- Worker housekeeping: idempotency keys older than 48 h, refresh tokens expired for a
-- week. Returns the number of rows removed. Caller: cc_worker.
create function app.purge_expired_credentials()
  returns bigint
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  n1 bigint;
  n2 bigint;
begin
  delete from public.idempotency_keys where created_at < now() - interval '48 hours';
  get diagnostics n1 = row_count;
  delete from public.refresh_tokens where expires_at < now() - interval '7 days';
  get diagnostics n2 = row_count;
  return n1 + n2;
end
$$;

revoke execute on function app.auth_login_lookup(text), app.auth_principal(uuid),
  app.auth_api_key(text), app.auth_start_session(uuid, text, timestamptz),
  app.auth_rotate_refresh(text, text, timestamptz), app.auth_end_session(text),
  app.auth_my_password_hash(), app.auth_revoke_user_sessions(uuid), app.schema_version(),
  app.purge_expired_credentials()
  from public;
grant execute on function app.auth_login_lookup(text), app.auth_start_session(uuid, text, timestamptz),
  app.auth_rotate_refresh(text, text, timestamptz), app.auth_end_session(text), app.schema_version()
  to cc_anon;
grant execute on function app.auth_principal(uuid), app.auth_api_key(text) to cc_app;
grant execute on function app.auth_my_password_hash(), app.auth_revoke_user_sessions(uuid) to cc_staff;
grant execute on function app.purge_expired_credentials() to cc_worker;
