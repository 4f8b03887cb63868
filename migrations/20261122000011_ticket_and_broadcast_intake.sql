-- TCK-2 / BRD-1: what n8n pushes in. Tickets from the "Automation CS" flow and broadcast
-- logs from the "Broadcast Logistic" flow, both with an API key (role cc_integration);
-- shipments keep the last broadcast per AWB; intake fingerprints make retries without an
-- Idempotency-Key safe for 24 hours.

-- ---------------------------------------------------------------------------------------
-- Broadcast logs (BRD-1) and shipments per AWB.
create table broadcast_logs (
  id uuid primary key default gen_random_uuid(),
  tracking_number text not null,
  consignee_phone text,
  status text not null check (status in ('success', 'failed', 'pending')),
  message_content text,
  error_message text,
  broadcast_at timestamptz not null default now(),
  api_key_id uuid references api_keys (id) on delete set null,
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint broadcast_logs_tracking_number_present
    check (length(btrim(tracking_number)) between 1 and 64)
);
create index broadcast_logs_tracking_idx on broadcast_logs (tracking_number, broadcast_at desc);
create index broadcast_logs_phone_idx on broadcast_logs (consignee_phone, broadcast_at desc);
create index broadcast_logs_at_idx on broadcast_logs (broadcast_at desc);
create index broadcast_logs_status_at_idx on broadcast_logs (status, broadcast_at desc);

create table shipments (
  tracking_number text primary key,
  consignee_phone text,
  last_status text not null check (last_status in ('success', 'failed', 'pending')),
  last_message text,
  last_error text,
  last_broadcast_at timestamptz not null,
  broadcast_count integer not null default 0,
  failed_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index shipments_phone_idx on shipments (consignee_phone);

-- Every log moves its shipment on: counts always, the "last" fields only when the log is
-- not older than what the shipment already shows (n8n may deliver out of order).
create function app.broadcast_logs_upsert_shipment() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
begin
  insert into shipments as s (tracking_number, consignee_phone, last_status, last_message,
                              last_error, last_broadcast_at, broadcast_count, failed_count)
  values (new.tracking_number, new.consignee_phone, new.status, new.message_content,
          new.error_message, new.broadcast_at, 1, (new.status = 'failed')::int)
  on conflict (tracking_number) do update
     set broadcast_count = s.broadcast_count + 1,
         failed_count = s.failed_count + excluded.failed_count,
         consignee_phone = case when excluded.last_broadcast_at >= s.last_broadcast_at
                                then coalesce(excluded.consignee_phone, s.consignee_phone)
                                else s.consignee_phone end,
         last_status = case when excluded.last_broadcast_at >= s.last_broadcast_at
                            then excluded.last_status else s.last_status end,
         last_message = case when excluded.last_broadcast_at >= s.last_broadcast_at
                             then excluded.last_message else s.last_message end,
         last_error = case when excluded.last_broadcast_at >= s.last_broadcast_at
                           then excluded.last_error else s.last_error end,
         last_broadcast_at = greatest(s.last_broadcast_at, excluded.last_broadcast_at),
         updated_at = now();
  return null;
end
$$;
create trigger broadcast_logs_shipment after insert on broadcast_logs
  for each row execute function app.broadcast_logs_upsert_shipment();
-- No audit trigger: broadcast logs are themselves an append-only record written only by
-- their source (no UPDATE or DELETE is granted to anyone), and ingest runs at thousands
-- of rows per second.

alter table broadcast_logs enable row level security;
alter table shipments enable row level security;

-- Reading: CS (agents read, admins monitor), super admin, director (SPEC §3).
grant select on broadcast_logs, shipments to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent;
create policy broadcast_logs_read on broadcast_logs for select
  to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent using (true);
create policy shipments_read on shipments for select
  to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent using (true);
-- Writing: n8n keys (as themselves) and, from the SPA, super and CS admins (as themselves).
grant insert (id, tracking_number, consignee_phone, status, message_content, error_message,
              broadcast_at, api_key_id, created_by)
  on broadcast_logs to cc_integration, cc_super_admin, cc_cs_admin;
grant select (id, tracking_number, status, created_at) on broadcast_logs to cc_integration;
create policy broadcast_logs_insert_key on broadcast_logs for insert to cc_integration
  with check (api_key_id = (select app.api_key_id()) and created_by is null);
create policy broadcast_logs_select_key on broadcast_logs for select to cc_integration
  using (api_key_id = (select app.api_key_id()));
create policy broadcast_logs_insert_staff on broadcast_logs for insert
  to cc_super_admin, cc_cs_admin
  with check (created_by = (select app.uid()) and api_key_id is null);

-- ---------------------------------------------------------------------------------------
-- Tickets from n8n: inserted by the key itself (no user), visible to it only as far as
-- the creation response needs.
grant insert (ticket_type, priority, dept_target, subject, description, tracking_number,
              contact_name, customer_phone, source, api_key_id)
  on tickets to cc_integration;
grant select (id, ticket_code, api_key_id, created_at) on tickets to cc_integration;
create policy tickets_insert_key on tickets for insert to cc_integration
  with check (api_key_id = (select app.api_key_id()) and created_by is null and source = 'n8n'
              and assigned_to_user_id is null and need_customer_masking = false
              and related_lead_id is null and related_customer_id is null
              and related_prospect_id is null);
create policy tickets_select_key on tickets for select to cc_integration
  using (api_key_id = (select app.api_key_id()));
-- cs_admin already inserts through tickets_all_cs_admin; the staff roles listed in
-- tickets_insert_creators insert their own.

-- ---------------------------------------------------------------------------------------
-- PLT-IDEM without a header: the same caller sending the same body again within 24 hours
-- gets the first response back. Only reachable through the two functions below.
create table intake_fingerprints (
  fingerprint text primary key check (fingerprint ~ '^[0-9a-f]{64}$'),
  resource text not null check (resource in ('ticket', 'broadcast_log', 'broadcast_batch')),
  status smallint not null,
  response jsonb not null,
  created_at timestamptz not null default now()
);
create index intake_fingerprints_created_idx on intake_fingerprints (created_at);
alter table intake_fingerprints enable row level security;

-- Serialises identical requests (transaction-scoped advisory lock on the fingerprint) and
-- returns the stored response of an earlier one from the last 24 hours, if any. The
-- caller's fingerprint includes who is calling, so nobody can read another caller's reply.
create function app.intake_begin(p_fingerprint text)
  returns table (status smallint, response jsonb)
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
begin
  perform pg_advisory_xact_lock(hashtextextended(p_fingerprint, 0));
  return query
    select f.status, f.response from intake_fingerprints f
     where f.fingerprint = p_fingerprint and f.created_at > now() - interval '24 hours';
end
$$;

create function app.intake_complete(p_fingerprint text, p_resource text, p_status smallint,
                                    p_response jsonb)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    insert into intake_fingerprints (fingerprint, resource, status, response)
    values (p_fingerprint, p_resource, p_status, p_response)
    on conflict (fingerprint) do update
       set resource = excluded.resource, status = excluded.status,
           response = excluded.response, created_at = now()
  $$;

revoke execute on function app.intake_begin(text),
  app.intake_complete(text, text, smallint, jsonb) from public;
grant execute on function app.intake_begin(text),
  app.intake_complete(text, text, smallint, jsonb) to cc_staff, cc_integration;

-- Housekeeping (the worker's purge job) also drops fingerprints older than a day.
create or replace function app.purge_expired_credentials()
  returns bigint
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  n1 bigint;
  n2 bigint;
  n3 bigint;
begin
  delete from public.idempotency_keys where created_at < now() - interval '48 hours';
  get diagnostics n1 = row_count;
  delete from public.refresh_tokens where expires_at < now() - interval '7 days';
  get diagnostics n2 = row_count;
  delete from public.intake_fingerprints where created_at < now() - interval '24 hours';
  get diagnostics n3 = row_count;
  return n1 + n2 + n3;
end
$$;
