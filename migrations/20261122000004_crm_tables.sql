-- CRM (SPEC §4.2), part 1: tables, codes, triggers and indexes. The tickets table of
-- SPEC §4.3 starts here too because the lead bundle opens RFQ tickets (CRM-1); the
-- ticketing module extends it. Notifications (NTF-1) start here for follow-up reminders.
-- Row-level security and privileges follow in the next migration.

-- Pipeline stages (CRM-3) with their win probabilities. `position` orders the open
-- stages; `lost` sits outside the sequence (position 0).
create table pipeline_stages (
  code text primary key,
  name text not null,
  position int not null unique,
  probability numeric(5, 2) not null check (probability between 0 and 100),
  is_closed boolean not null default false
);
insert into pipeline_stages (code, name, position, probability, is_closed) values
  ('new', 'New', 1, 10, false),
  ('contacted', 'Contacted', 2, 20, false),
  ('qualification', 'Qualification', 3, 40, false),
  ('proposal', 'Proposal', 4, 60, false),
  ('negotiation', 'Negotiation', 5, 80, false),
  ('won', 'Won', 6, 100, true),
  ('lost', 'Lost', 0, 0, true);

-- Lead channels and the aliases UTM sources and form values are normalised through.
create table channels (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{1,30}$'),
  name text not null,
  source_group text not null check (source_group in ('organic', 'ads', 'referral', 'event', 'other')),
  ads_platform text check (ads_platform in ('tiktok', 'instagram', 'meta', 'google')),
  sort_order int not null default 100,
  is_active boolean not null default true
);
insert into channels (code, name, source_group, ads_platform, sort_order) values
  ('website', 'Website', 'organic', null, 10),
  ('whatsapp', 'WhatsApp', 'organic', null, 20),
  ('instagram', 'Instagram', 'organic', null, 30),
  ('instagram_ads', 'Instagram Ads', 'ads', 'instagram', 40),
  ('tiktok', 'TikTok', 'organic', null, 50),
  ('tiktok_ads', 'TikTok Ads', 'ads', 'tiktok', 60),
  ('meta_ads', 'Facebook / Meta Ads', 'ads', 'meta', 70),
  ('google_ads', 'Google Ads', 'ads', 'google', 80),
  ('seo', 'Google Search (SEO)', 'organic', null, 90),
  ('email', 'E-mail', 'organic', null, 100),
  ('referral', 'Referral', 'referral', null, 110),
  ('event', 'Event / Exhibition', 'event', null, 120),
  ('walk_in', 'Walk-in / Cold call', 'other', null, 130),
  ('other', 'Other', 'other', null, 999);

create table channel_aliases (
  alias text primary key check (alias = lower(btrim(alias))),
  channel_code text not null references channels (code)
);
insert into channel_aliases (alias, channel_code) values
  ('web', 'website'), ('site', 'website'), ('landing page', 'website'), ('form', 'website'),
  ('wa', 'whatsapp'), ('whatsapp business', 'whatsapp'), ('wa business', 'whatsapp'),
  ('ig', 'instagram'), ('insta', 'instagram'),
  ('ig ads', 'instagram_ads'), ('instagram ads', 'instagram_ads'),
  ('tiktok ads', 'tiktok_ads'), ('tt ads', 'tiktok_ads'), ('tiktokads', 'tiktok_ads'),
  ('fb', 'meta_ads'), ('facebook', 'meta_ads'), ('facebook ads', 'meta_ads'), ('fb ads', 'meta_ads'),
  ('meta', 'meta_ads'), ('meta ads', 'meta_ads'),
  ('google', 'google_ads'), ('gads', 'google_ads'), ('adwords', 'google_ads'), ('google ads', 'google_ads'),
  ('cpc', 'google_ads'), ('organic search', 'seo'), ('google organic', 'seo'),
  ('mail', 'email'), ('newsletter', 'email'), ('e-mail', 'email'),
  ('referensi', 'referral'), ('rekomendasi', 'referral'), ('partner', 'referral'),
  ('pameran', 'event'), ('exhibition', 'event'), ('expo', 'event'), ('webinar', 'event'),
  ('walk in', 'walk_in'), ('walk-in', 'walk_in'), ('cold call', 'walk_in'), ('lainnya', 'other');

-- The channel a typed value stands for: a channel code, an alias, else `other`.
create function app.resolve_channel(p_raw text) returns text
  language sql stable
  set search_path = pg_catalog, public
  as $$
    select coalesce(
      (select c.code from public.channels c where c.code = lower(btrim(p_raw))),
      (select a.channel_code from public.channel_aliases a where a.alias = lower(btrim(p_raw))),
      'other')
  $$;

create table products (
  id uuid primary key default gen_random_uuid(),
  code text not null,
  name text not null,
  service text check (service in ('EXIM', 'DOM', 'IMP', 'WH')),
  description text not null default '',
  is_active boolean not null default true,
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint products_code_key unique (code),
  constraint products_code_format check (code ~ '^[A-Z0-9][A-Z0-9-]{1,30}$'),
  constraint products_name_present check (length(btrim(name)) between 1 and 200)
);

-- Customers. The *_key columns hold the normalised dedup identifiers (CRM-1); their
-- partial unique indexes make find-or-create race-free. A merged customer points at the
-- survivor and gives up its keys.
create table customers (
  id uuid primary key default gen_random_uuid(),
  customer_code text not null default next_prefixed_id('CUST'),
  company_name text not null,
  company_key text,
  npwp text check (npwp ~ '^[0-9]{16}$'),
  email citext,
  phone text check (phone ~ '^\+[0-9]{7,15}$'),
  contact_name text,
  address text,
  city text,
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  owner_user_id uuid references profiles (id) on delete set null,
  notes text not null default '',
  merged_into_id uuid references customers (id),
  created_by uuid references profiles (id) on delete set null,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint customers_customer_code_key unique (customer_code),
  constraint customers_company_name_present check (length(btrim(company_name)) between 1 and 200),
  constraint customers_not_merged_into_self check (merged_into_id is distinct from id),
  constraint customers_coordinates_pair check ((latitude is null) = (longitude is null))
);
create unique index customers_npwp_key on customers (npwp) where merged_into_id is null;
create unique index customers_email_key on customers (email) where merged_into_id is null;
create unique index customers_phone_key on customers (phone) where merged_into_id is null;
create unique index customers_company_key_key on customers (company_key) where merged_into_id is null;
create index customers_owner_user_id_idx on customers (owner_user_id);
create index customers_created_by_idx on customers (created_by);
create index customers_company_key_trgm_idx on customers using gin (company_key gin_trgm_ops);
create index customers_search_trgm_idx on customers using gin (
  (company_name || ' ' || coalesce(contact_name, '') || ' ' || coalesce(email::text, '') || ' '
   || coalesce(phone, '')) gin_trgm_ops);

-- Prospects: one per customer and sales owner (the owner may be unassigned).
create table prospects (
  id uuid primary key default gen_random_uuid(),
  prospect_code text not null default next_prefixed_id('PRS'),
  customer_id uuid not null references customers (id),
  owner_user_id uuid references profiles (id) on delete set null,
  stage text not null default 'new' references pipeline_stages (code),
  furthest_position int not null default 1,
  expected_value numeric(18, 2) not null default 0 check (expected_value >= 0),
  expected_close_date date,
  lost_reason text,
  service_interest text,
  notes text not null default '',
  stage_changed_at timestamptz not null default now(),
  created_by uuid references profiles (id) on delete set null,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint prospects_prospect_code_key unique (prospect_code),
  constraint prospects_lost_needs_reason check (stage <> 'lost' or length(btrim(coalesce(lost_reason, ''))) > 0)
);
create unique index prospects_customer_owner_key on prospects
  (customer_id, coalesce(owner_user_id, '00000000-0000-0000-0000-000000000000'::uuid))
  where deleted_at is null;
create index prospects_owner_user_id_idx on prospects (owner_user_id);
create index prospects_customer_id_idx on prospects (customer_id);
create index prospects_stage_idx on prospects (stage) where deleted_at is null;
create index prospects_expected_close_date_idx on prospects (expected_close_date);

create table prospect_stage_history (
  id bigint generated always as identity primary key,
  prospect_id uuid not null references prospects (id) on delete cascade,
  from_stage text references pipeline_stages (code),
  to_stage text not null references pipeline_stages (code),
  lost_reason text,
  changed_by uuid references profiles (id) on delete set null,
  changed_at timestamptz not null default now()
);
create index prospect_stage_history_prospect_idx on prospect_stage_history (prospect_id, changed_at);

-- Leads: every entry through the lead bundle. customer_id and prospect_id are NOT NULL:
-- a lead never exists unlinked.
create table leads (
  id uuid primary key default gen_random_uuid(),
  lead_code text not null default next_prefixed_id('LEAD'),
  status text not null default 'new'
    check (status in ('new', 'contacted', 'qualified', 'disqualified', 'converted')),
  channel text not null references channels (code),
  channel_raw text,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  company_name text,
  contact_name text not null,
  email citext,
  phone text,
  npwp text,
  service_interest text,
  notes text not null default '',
  need_rfq boolean not null default false,
  rfq jsonb,
  customer_id uuid not null references customers (id),
  prospect_id uuid not null references prospects (id),
  ticket_id uuid,
  matched_on text check (matched_on in ('npwp', 'email', 'phone', 'company_name')),
  marketing_owner_user_id uuid references profiles (id) on delete set null,
  sales_owner_user_id uuid references profiles (id) on delete set null,
  assigned_at timestamptz,
  created_by uuid references profiles (id) on delete set null,
  deleted_at timestamptz,
  deleted_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint leads_lead_code_key unique (lead_code),
  constraint leads_contact_name_present check (length(btrim(contact_name)) between 1 and 200)
);
create index leads_sales_owner_idx on leads (sales_owner_user_id, created_at desc);
create index leads_marketing_owner_idx on leads (marketing_owner_user_id, created_at desc);
create index leads_created_by_idx on leads (created_by, created_at desc);
create index leads_customer_id_idx on leads (customer_id);
create index leads_prospect_id_idx on leads (prospect_id);
create index leads_created_at_idx on leads (created_at desc, id);
create index leads_channel_created_idx on leads (channel, created_at);
create index leads_search_trgm_idx on leads using gin (
  (coalesce(company_name, '') || ' ' || contact_name || ' ' || coalesce(email::text, '') || ' '
   || coalesce(phone, '')) gin_trgm_ops);

-- Sales activities (CRM-4). `system` activities are written by the application for its
-- own actions (stage changes, RFQs); a visit carries photo evidence and GPS.
create table sales_activities (
  id uuid primary key default gen_random_uuid(),
  activity_type text not null
    check (activity_type in ('visit', 'call', 'meeting', 'email', 'whatsapp', 'system')),
  subject text not null,
  notes text not null default '',
  customer_id uuid not null references customers (id),
  prospect_id uuid references prospects (id),
  lead_id uuid references leads (id),
  owner_user_id uuid references profiles (id) on delete set null,
  occurred_at timestamptz not null default now(),
  scheduled_at timestamptz,
  evidence_file_id uuid references files (id),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  distance_m double precision check (distance_m >= 0),
  next_action text,
  next_action_at timestamptz,
  created_by uuid references profiles (id) on delete set null,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint sales_activities_subject_present check (length(btrim(subject)) between 1 and 300),
  constraint sales_activities_visit_evidence check (
    activity_type <> 'visit' or scheduled_at is not null
    or (evidence_file_id is not null and latitude is not null and longitude is not null)),
  constraint sales_activities_coordinates_pair check ((latitude is null) = (longitude is null))
);
create index sales_activities_owner_idx on sales_activities (owner_user_id, occurred_at desc);
create index sales_activities_customer_idx on sales_activities (customer_id, occurred_at desc);
create index sales_activities_prospect_idx on sales_activities (prospect_id);
create index sales_activities_lead_idx on sales_activities (lead_id);
create index sales_activities_scheduled_idx on sales_activities (scheduled_at) where scheduled_at is not null;

-- Follow-ups (CRM-5) and personal to-dos (USR-1).
create table tasks (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  description text not null default '',
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  due_at timestamptz not null,
  remind_at timestamptz,
  reminded_at timestamptz,
  owner_user_id uuid not null references profiles (id),
  customer_id uuid references customers (id),
  prospect_id uuid references prospects (id),
  lead_id uuid references leads (id),
  activity_id uuid references sales_activities (id),
  completed_at timestamptz,
  created_by uuid references profiles (id) on delete set null,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tasks_title_present check (length(btrim(title)) between 1 and 300),
  constraint tasks_completed_consistent check ((status = 'done') = (completed_at is not null))
);
create index tasks_owner_due_idx on tasks (owner_user_id, due_at) where deleted_at is null;
create index tasks_remind_idx on tasks (remind_at) where reminded_at is null and status = 'open';
create index tasks_customer_idx on tasks (customer_id);
create index tasks_prospect_idx on tasks (prospect_id);

-- Marketing: events (campaigns, posts, exhibitions) and ad spend per platform and day.
create table marketing_activity_events (
  id uuid primary key default gen_random_uuid(),
  event_date date not null,
  title text not null,
  event_type text not null check (event_type in ('campaign', 'content', 'exhibition', 'webinar', 'promotion', 'other')),
  channel text references channels (code),
  description text not null default '',
  budget numeric(18, 2) check (budget >= 0),
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint marketing_activity_events_title_present check (length(btrim(title)) between 1 and 200)
);
create index marketing_activity_events_date_idx on marketing_activity_events (event_date);
create index marketing_activity_events_created_by_idx on marketing_activity_events (created_by);

create table marketing_spend (
  id uuid primary key default gen_random_uuid(),
  platform text not null check (platform in ('tiktok', 'instagram', 'meta', 'google')),
  spend_date date not null,
  amount numeric(18, 2) not null check (amount >= 0),
  impressions bigint check (impressions >= 0),
  clicks bigint check (clicks >= 0),
  campaign text,
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index marketing_spend_date_idx on marketing_spend (spend_date, platform);
create index marketing_spend_created_by_idx on marketing_spend (created_by);

-- Tickets (SPEC §4.3). Customer identity lives in its own columns so that column
-- privileges can hide it from Operations (TCK-5).
create table tickets (
  id uuid primary key default gen_random_uuid(),
  ticket_code text not null default next_prefixed_id('TKT'),
  ticket_type text not null
    check (ticket_type in ('inquiry_tariff', 'general_request', 'complaint', 'shipment_issue')),
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
  status text not null default 'open'
    check (status in ('open', 'in_progress', 'pending', 'on_hold', 'closed')),
  dept_target text not null references departments (code),
  subject text not null,
  description text not null default '',
  tracking_number text,
  -- customer identity (hidden from Operations)
  company_name text,
  contact_name text,
  customer_phone text,
  customer_email citext,
  -- request details Operations may read
  rfq jsonb,
  need_customer_masking boolean not null default false,
  related_lead_id uuid references leads (id),
  related_customer_id uuid references customers (id),
  related_prospect_id uuid references prospects (id),
  assigned_to_user_id uuid references profiles (id) on delete set null,
  source text not null default 'web' check (source in ('web', 'n8n', 'crm', 'dso')),
  inquiry_outcome text check (inquiry_outcome in ('won', 'lost')),
  close_reason text,
  closed_at timestamptz,
  created_by uuid references profiles (id) on delete set null,
  api_key_id uuid references api_keys (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tickets_ticket_code_key unique (ticket_code),
  constraint tickets_subject_present check (length(btrim(subject)) between 1 and 300),
  constraint tickets_lost_needs_reason check (
    inquiry_outcome is distinct from 'lost' or length(btrim(coalesce(close_reason, ''))) > 0)
);
create index tickets_dept_status_idx on tickets (dept_target, status, created_at desc);
create index tickets_assigned_idx on tickets (assigned_to_user_id, status);
create index tickets_created_by_idx on tickets (created_by);
create index tickets_related_customer_idx on tickets (related_customer_id);
create index tickets_related_lead_idx on tickets (related_lead_id);
create index tickets_tracking_number_idx on tickets (tracking_number);
create index tickets_created_at_idx on tickets (created_at desc);

alter table leads add constraint leads_ticket_id_fkey foreign key (ticket_id) references tickets (id);

-- In-app notifications (NTF-1). `dedup_key` makes a notification at most once.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references profiles (id) on delete cascade,
  kind text not null check (kind in ('lead_assigned', 'task_due', 'ticket_assigned', 'sla_at_risk',
                                      'invoice_overdue', 'import_finished', 'system')),
  title text not null,
  body text not null default '',
  link text,
  dedup_key text,
  read_at timestamptz,
  created_at timestamptz not null default now(),
  constraint notifications_dedup_key_key unique (dedup_key)
);
create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;

-- ---------------------------------------------------------------------------------------
-- Triggers

create trigger products_set_updated_at before update on products
  for each row execute function set_updated_at();
create trigger customers_set_updated_at before update on customers
  for each row execute function set_updated_at();
create trigger prospects_set_updated_at before update on prospects
  for each row execute function set_updated_at();
create trigger leads_set_updated_at before update on leads
  for each row execute function set_updated_at();
create trigger sales_activities_set_updated_at before update on sales_activities
  for each row execute function set_updated_at();
create trigger tasks_set_updated_at before update on tasks
  for each row execute function set_updated_at();
create trigger marketing_activity_events_set_updated_at before update on marketing_activity_events
  for each row execute function set_updated_at();
create trigger marketing_spend_set_updated_at before update on marketing_spend
  for each row execute function set_updated_at();
create trigger tickets_set_updated_at before update on tickets
  for each row execute function set_updated_at();

create trigger products_audit after insert or update or delete on products
  for each row execute function audit_row_change();
create trigger customers_audit after insert or update or delete on customers
  for each row execute function audit_row_change();
create trigger prospects_audit after insert or update or delete on prospects
  for each row execute function audit_row_change();
create trigger leads_audit after insert or update or delete on leads
  for each row execute function audit_row_change();
create trigger sales_activities_audit after insert or update or delete on sales_activities
  for each row execute function audit_row_change();
create trigger tasks_audit after insert or update or delete on tasks
  for each row execute function audit_row_change();
create trigger marketing_activity_events_audit after insert or update or delete on marketing_activity_events
  for each row execute function audit_row_change();
create trigger marketing_spend_audit after insert or update or delete on marketing_spend
  for each row execute function audit_row_change();
create trigger tickets_audit after insert or update or delete on tickets
  for each row execute function audit_row_change();
create trigger channels_audit after insert or update or delete on channels
  for each row execute function audit_row_change();
create trigger channel_aliases_audit after insert or update or delete on channel_aliases
  for each row execute function audit_row_change();
create trigger pipeline_stages_audit after insert or update or delete on pipeline_stages
  for each row execute function audit_row_change();

-- Clients never set codes: a code is fixed once given.
create function keep_code() returns trigger
  language plpgsql
  as $$
declare
  v_old text := to_jsonb(old) ->> tg_argv[0];
  v_new text := to_jsonb(new) ->> tg_argv[0];
begin
  if v_old is distinct from v_new then
    raise exception '% cannot be changed', tg_argv[0] using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger customers_keep_code before update on customers
  for each row execute function keep_code('customer_code');
create trigger prospects_keep_code before update on prospects
  for each row execute function keep_code('prospect_code');
create trigger leads_keep_code before update on leads
  for each row execute function keep_code('lead_code');
create trigger tickets_keep_code before update on tickets
  for each row execute function keep_code('ticket_code');

-- CRM-3/CRM-4: every stage change writes prospect_stage_history and a system activity;
-- the furthest stage reached feeds the funnel. SECURITY DEFINER: the history and the
-- activity are the system's record, not the caller's writes.
create function prospects_stage_change() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_position int;
begin
  if tg_op = 'UPDATE' and new.stage is not distinct from old.stage then
    return new;
  end if;
  select position into v_position from pipeline_stages where code = new.stage;
  if tg_op = 'UPDATE' then
    new.stage_changed_at := now();
    new.furthest_position := greatest(old.furthest_position, v_position);
    if new.stage <> 'lost' then
      new.lost_reason := null;
    end if;
  else
    new.furthest_position := greatest(v_position, 1);
  end if;
  return new;
end
$$;
create trigger prospects_stage_change before insert or update of stage on prospects
  for each row execute function prospects_stage_change();

create function prospects_stage_history() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
begin
  if tg_op = 'UPDATE' and new.stage is not distinct from old.stage then
    return null;
  end if;
  insert into prospect_stage_history (prospect_id, from_stage, to_stage, lost_reason, changed_by)
  values (new.id, case when tg_op = 'UPDATE' then old.stage end, new.stage, new.lost_reason, app.uid());
  if tg_op = 'UPDATE' then
    insert into sales_activities (activity_type, subject, notes, customer_id, prospect_id,
                                  owner_user_id, created_by)
    values ('system', 'Stage: ' || old.stage || ' → ' || new.stage,
            coalesce(new.lost_reason, ''), new.customer_id, new.id,
            coalesce(new.owner_user_id, app.uid()), app.uid());
  end if;
  return null;
end
$$;
create trigger prospects_stage_history after insert or update of stage on prospects
  for each row execute function prospects_stage_history();
revoke execute on function prospects_stage_change(), prospects_stage_history(), keep_code() from public;

-- CRM-4/TCK-6: a ticket raised for a CRM customer (an RFQ from the lead bundle, a ticket
-- from a prospect) logs a system activity on that customer: no double entry.
create function tickets_log_crm_activity() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_owner uuid;
begin
  if new.related_customer_id is null then
    return null;
  end if;
  select p.owner_user_id into v_owner from prospects p where p.id = new.related_prospect_id;
  insert into sales_activities (activity_type, subject, notes, customer_id, prospect_id, lead_id,
                                owner_user_id, created_by)
  values ('system',
          case when new.ticket_type = 'inquiry_tariff' then 'RFQ ' else 'Ticket ' end
            || new.ticket_code || ' created for ' || new.dept_target,
          new.subject, new.related_customer_id, new.related_prospect_id, new.related_lead_id,
          coalesce(v_owner, new.created_by), new.created_by);
  return null;
end
$$;
create trigger tickets_log_crm_activity after insert on tickets
  for each row execute function tickets_log_crm_activity();
revoke execute on function tickets_log_crm_activity() from public;
