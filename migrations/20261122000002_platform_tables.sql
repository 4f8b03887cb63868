-- Platform foundation, part 2: reference data, users, credentials, idempotency, audit,
-- human-readable ids, files and the job queue.

create table roles (
  name text primary key,
  label text not null,
  description text not null default '',
  sort_order int not null unique
);

insert into roles (name, label, description, sort_order) values
  ('super_admin', 'Super Admin', 'Everything, all writes; users, API keys, audit', 1),
  ('director', 'Direktur', 'Reads everything, writes nothing', 2),
  ('marketing_manager', 'Marketing Manager', 'All leads, customers and marketing data; assigns leads', 3),
  ('marketing_staff', 'Marketing Staff', 'Leads they created or own', 4),
  ('sales_manager', 'Sales Manager', 'Own and team pipeline, team AR; assigns leads', 5),
  ('salesperson', 'Salesperson', 'Assigned leads and prospects, their customers and AR', 6),
  ('sales_support', 'Sales Support', 'Reads the team of their manager; creates tickets and activities', 7),
  ('ops_exim', 'Ops Export/Import', 'Tickets of department EXIM; masked RFQs', 8),
  ('ops_domestic', 'Ops Domestic', 'Tickets of department DOM; masked RFQs', 9),
  ('ops_import_dtd', 'Ops Import DTD', 'Tickets of department IMP; masked RFQs', 10),
  ('ops_warehouse', 'Ops Warehouse', 'Tickets of department WH; masked RFQs', 11),
  ('finance_manager', 'Finance Manager', 'All invoices, payments and AR', 12),
  ('finance_staff', 'Finance Staff', 'Invoices and payments', 13),
  ('cs_admin', 'CS Admin', 'All CS tickets, broadcasts, conversations; manages CS agents', 14),
  ('cs_agent', 'CS Agent', 'Assigned tickets and the unassigned CS queue', 15);

create table departments (
  code text primary key check (code ~ '^[A-Z]{2,5}$'),
  name text not null
);

insert into departments (code, name) values
  ('MGMT', 'Management'),
  ('MKT', 'Marketing'),
  ('SAL', 'Sales'),
  ('EXIM', 'Operations Export/Import'),
  ('DOM', 'Operations Domestic'),
  ('IMP', 'Operations Import DTD'),
  ('WH', 'Operations Warehouse'),
  ('FIN', 'Finance'),
  ('CS', 'Customer Service');

create table profiles (
  id uuid primary key default gen_random_uuid(),
  email citext not null,
  full_name text not null,
  role_name text not null references roles (name),
  dept_code text references departments (code),
  manager_user_id uuid references profiles (id) on delete set null,
  is_active boolean not null default true,
  password_hash text not null,
  language text not null default 'id',
  password_changed_at timestamptz not null default now(),
  last_login_at timestamptz,
  deactivated_at timestamptz,
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_email_key unique (email),
  constraint profiles_full_name_present check (length(btrim(full_name)) between 1 and 200),
  constraint profiles_language_known check (language in ('id', 'en')),
  constraint profiles_not_own_manager check (manager_user_id is distinct from id),
  constraint profiles_deactivated_consistent check (is_active = (deactivated_at is null))
);
create index profiles_manager_user_id_idx on profiles (manager_user_id);
create index profiles_role_name_idx on profiles (role_name);
create index profiles_dept_code_idx on profiles (dept_code);
create index profiles_full_name_trgm_idx on profiles using gin (full_name gin_trgm_ops);

create trigger profiles_set_updated_at before update on profiles
  for each row execute function set_updated_at();

-- Users may edit their own name, language and password, never their own role,
-- department, manager, status or e-mail (only an administrator may).
create function profiles_guard_self_service() returns trigger
  language plpgsql
  as $$
begin
  if old.id = app.uid() and app.role() is distinct from 'super_admin'
     and (new.role_name, new.dept_code, new.manager_user_id, new.is_active, new.email)
         is distinct from (old.role_name, old.dept_code, old.manager_user_id, old.is_active, old.email) then
    raise exception 'users cannot change their own role, department, manager, status or e-mail'
      using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger profiles_guard_self_service before update on profiles
  for each row execute function profiles_guard_self_service();

-- "Team" = users whose manager is me, recursively (SPEC §3). SECURITY DEFINER so that
-- policies can use it without widening who may read profiles; returns ids only.
create function app.team_ids() returns uuid[]
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    with recursive team (id, depth) as (
      select p.id, 1 from public.profiles p where p.manager_user_id = app.uid()
      union
      select p.id, t.depth + 1
        from public.profiles p join team t on p.manager_user_id = t.id
       where t.depth < 10
    )
    select coalesce(array_agg(id), '{}') from team
  $$;
revoke execute on function app.team_ids() from public;
grant execute on function app.team_ids() to cc_staff;

create table refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references profiles (id) on delete cascade,
  family_id uuid not null,
  token_hash text not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  constraint refresh_tokens_token_hash_key unique (token_hash)
);
create index refresh_tokens_family_id_idx on refresh_tokens (family_id);
create index refresh_tokens_user_id_idx on refresh_tokens (user_id);

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  key_prefix text not null,
  key_hash text not null,
  scopes text[] not null default '{}',
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  constraint api_keys_key_hash_key unique (key_hash),
  constraint api_keys_name_present check (length(btrim(name)) between 1 and 100),
  constraint api_keys_scopes_known check (
    scopes <@ array['tickets:write', 'broadcast:write', 'whatsapp:write']::text[])
);
create trigger api_keys_set_updated_at before update on api_keys
  for each row execute function set_updated_at();

create table idempotency_keys (
  principal text not null,
  idempotency_key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  response_status int,
  response_body jsonb,
  created_at timestamptz not null default now(),
  constraint idempotency_keys_pkey primary key (principal, idempotency_key)
);
create index idempotency_keys_created_at_idx on idempotency_keys (created_at);

create table audit_logs (
  id bigint generated always as identity primary key,
  table_name text not null,
  row_id text,
  action text not null check (action in ('INSERT', 'UPDATE', 'DELETE')),
  changed_by uuid,
  api_key_id uuid,
  request_id text,
  before_data jsonb,
  after_data jsonb,
  changed_at timestamptz not null default now()
);
create index audit_logs_table_row_idx on audit_logs (table_name, row_id);
create index audit_logs_changed_by_idx on audit_logs (changed_by);
create index audit_logs_changed_at_idx on audit_logs (changed_at);

-- PLT-AUDIT: one trigger function for every core table. Secrets never reach the log.
create function audit_row_change() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  hidden constant text[] := array['password_hash', 'key_hash', 'token_hash'];
  v_before jsonb;
  v_after jsonb;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    v_before := to_jsonb(old) - hidden;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    v_after := to_jsonb(new) - hidden;
  end if;
  if tg_op = 'UPDATE' and (v_before - 'updated_at') = (v_after - 'updated_at') then
    return null;
  end if;
  insert into audit_logs (table_name, row_id, action, changed_by, api_key_id, request_id,
                          before_data, after_data)
  values (tg_table_name, coalesce(v_after ->> 'id', v_before ->> 'id'), tg_op, app.uid(),
          app.api_key_id(), app.request_id(), v_before, v_after);
  return null;
end
$$;
revoke execute on function audit_row_change() from public;

create trigger profiles_audit after insert or update or delete on profiles
  for each row execute function audit_row_change();
create trigger api_keys_audit after insert or update or delete on api_keys
  for each row execute function audit_row_change();

-- PLT-ID: per prefix per year (Asia/Jakarta), gap-tolerant, concurrency-safe.
create table id_sequences (
  prefix text not null check (prefix ~ '^[A-Z]{2,6}$'),
  year int not null,
  last_value bigint not null,
  constraint id_sequences_pkey primary key (prefix, year)
);

create function next_prefixed_id(p_prefix text) returns text
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_year int := extract(year from now() at time zone 'Asia/Jakarta')::int;
  v_value bigint;
begin
  if p_prefix is null or p_prefix !~ '^[A-Z]{2,6}$' then
    raise exception 'invalid id prefix: %', p_prefix using errcode = '22023';
  end if;
  insert into id_sequences as s (prefix, year, last_value)
  values (p_prefix, v_year, 1)
  on conflict (prefix, year) do update set last_value = s.last_value + 1
  returning last_value into v_value;
  return p_prefix || '-' || v_year || '-' || lpad(v_value::text, greatest(6, length(v_value::text)), '0');
end
$$;
revoke execute on function next_prefixed_id(text) from public;
grant execute on function next_prefixed_id(text) to cc_staff, cc_integration, cc_worker;

create table files (
  id uuid primary key default gen_random_uuid(),
  bucket text not null,
  object_key text not null,
  original_name text not null,
  content_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint files_object_key_key unique (bucket, object_key),
  constraint files_bucket_known check (bucket in ('ticket-attachments', 'kpi-evidence',
    'prospect-evidence', 'customer-documents', 'import-files'))
);
create index files_uploaded_by_idx on files (uploaded_by);

create trigger files_audit after insert or update or delete on files
  for each row execute function audit_row_change();

-- Background jobs (SPEC §2.8): a Postgres queue drained with FOR UPDATE SKIP LOCKED.
-- `dedup_key` makes scheduling idempotent.
create table jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  payload jsonb not null default '{}',
  dedup_key text,
  run_at timestamptz not null default now(),
  attempts int not null default 0,
  max_attempts int not null default 5 check (max_attempts > 0),
  locked_until timestamptz,
  last_error text,
  done_at timestamptz,
  created_at timestamptz not null default now(),
  constraint jobs_dedup_key_key unique (dedup_key)
);
create index jobs_pending_idx on jobs (run_at) where done_at is null;
