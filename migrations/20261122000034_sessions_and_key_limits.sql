-- Access tokens that die with their session, and a request rate per API key.
--
-- An access token names its session: the family of refresh tokens that login started.
-- Every request checks, in the same statement that loads the principal, that the session
-- is still live, so logout, a password change (all sessions revoked), deactivation and a
-- detected refresh-token reuse end the access tokens of the session at once.

-- Login returns the new session (family) id; null when the account is not active.
drop function app.auth_start_session(uuid, text, timestamptz);
create function app.auth_start_session(p_user_id uuid, p_token_hash text, p_expires_at timestamptz)
  returns uuid
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    update public.profiles set last_login_at = now() where id = p_user_id and is_active;
    insert into public.refresh_tokens (user_id, family_id, token_hash, expires_at)
    select p.id, gen_random_uuid(), p_token_hash, p_expires_at
      from public.profiles p where p.id = p_user_id and p.is_active
    returning family_id;
  $$;

-- Refresh rotation as before, also returning the session the new token belongs to.
drop function app.auth_rotate_refresh(text, text, timestamptz);
create function app.auth_rotate_refresh(p_token_hash text, p_new_hash text, p_expires_at timestamptz)
  returns table (outcome text, user_id uuid, session_id uuid)
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  t public.refresh_tokens%rowtype;
  v_active boolean;
begin
  select * into t from public.refresh_tokens r where r.token_hash = p_token_hash for update;
  if not found then
    return query select 'invalid'::text, null::uuid, null::uuid;
    return;
  end if;
  if t.used_at is not null or t.revoked_at is not null then
    update public.refresh_tokens set revoked_at = coalesce(revoked_at, now())
     where family_id = t.family_id;
    return query select 'reused'::text, t.user_id, t.family_id;
    return;
  end if;
  select p.is_active into v_active from public.profiles p where p.id = t.user_id;
  if t.expires_at <= now() or not coalesce(v_active, false) then
    update public.refresh_tokens set revoked_at = now() where family_id = t.family_id;
    return query select 'invalid'::text, t.user_id, t.family_id;
    return;
  end if;
  update public.refresh_tokens set used_at = now() where id = t.id;
  insert into public.refresh_tokens (user_id, family_id, token_hash, expires_at)
  values (t.user_id, t.family_id, p_new_hash, p_expires_at);
  return query select 'rotated'::text, t.user_id, t.family_id;
end
$$;

-- Whether a session of this user is live: a refresh token of the family neither revoked
-- nor expired. Called with the principal lookup of every bearer request. Caller: cc_app.
create function app.auth_session_active(p_user_id uuid, p_session_id uuid)
  returns boolean
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    select exists (
      select 1 from public.refresh_tokens r
       where r.family_id = p_session_id and r.user_id = p_user_id
         and r.revoked_at is null and r.expires_at > now())
  $$;

-- API keys: requests per minute (a token bucket of that size, refilled over a minute).
alter table api_keys
  add column rate_limit_per_minute integer not null default 1200,
  add constraint api_keys_rate_limit_range check (rate_limit_per_minute between 1 and 1000000);
grant select (rate_limit_per_minute), insert (rate_limit_per_minute), update (rate_limit_per_minute)
  on api_keys to cc_super_admin;

-- The key's principal now carries its rate limit.
drop function app.auth_api_key(text);
create function app.auth_api_key(p_key_hash text)
  returns table (api_key_id uuid, name text, scopes text[], rate_limit_per_minute integer)
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
begin
  update public.api_keys k set last_used_at = now()
   where k.key_hash = p_key_hash and k.revoked_at is null
     and (k.last_used_at is null or k.last_used_at < now() - interval '1 minute');
  return query
    select k.id, k.name, k.scopes, k.rate_limit_per_minute from public.api_keys k
     where k.key_hash = p_key_hash and k.revoked_at is null;
end
$$;

revoke execute on function app.auth_start_session(uuid, text, timestamptz),
  app.auth_rotate_refresh(text, text, timestamptz), app.auth_session_active(uuid, uuid),
  app.auth_api_key(text)
  from public;
grant execute on function app.auth_start_session(uuid, text, timestamptz),
  app.auth_rotate_refresh(text, text, timestamptz) to cc_anon;
grant execute on function app.auth_session_active(uuid, uuid), app.auth_api_key(text) to cc_app;
