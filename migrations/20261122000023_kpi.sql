-- KPI engine (SPEC §4.6, KPI-1..5): metric definitions, targets per assignee and period,
-- manual/imported entries with evidence, and the one registry `app.kpi_actual` that
-- computes every AUTO actual from the transactions under the caller's row-level security.
-- KPIs are never stored as typed numbers: targets and entries are the inputs, actuals
-- are computed.

-- ---------------------------------------------------------------------------------------
-- Definitions (KPI-1). `dept` is the department whose manager sets the metric's targets;
-- `aggregation` says how the values of a period combine (sum of days, average, the last
-- value, or a ratio computed over the whole period).
create table kpi_metric_definitions (
  metric_key text primary key check (metric_key ~ '^[a-z][a-z0-9_]{1,60}$'),
  name_id text not null,
  name_en text not null,
  owner_role text not null references roles (name),
  dept text not null references departments (code),
  unit text not null check (unit in ('count', 'idr', 'percent', 'minutes', 'days')),
  direction text not null check (direction in ('up', 'down')),
  source text not null check (source in ('AUTO', 'MANUAL', 'IMPORTED')),
  aggregation text not null check (aggregation in ('sum', 'avg', 'last', 'ratio')),
  formula text not null,
  sort_order int not null,
  is_active boolean not null default true
);

insert into kpi_metric_definitions
  (metric_key, name_id, name_en, owner_role, dept, unit, direction, source, aggregation, sort_order, formula)
values
  ('leads_total', 'Jumlah leads', 'Leads', 'marketing_manager', 'MKT', 'count', 'up', 'AUTO', 'sum', 10,
   'Leads created in the period (not deleted), credited to the marketing owner (else the creator).'),
  ('leads_by_channel', 'Leads per kanal', 'Leads by channel', 'marketing_manager', 'MKT', 'count', 'up', 'AUTO', 'sum', 20,
   'The leads of leads_total broken down by channel; the actual is their sum.'),
  ('marketing_spend', 'Biaya iklan', 'Marketing spend', 'marketing_manager', 'MKT', 'idr', 'down', 'AUTO', 'sum', 30,
   'Σ marketing_spend.amount with spend_date in the period, credited to whoever entered it; the target is a budget.'),
  ('cost_per_lead', 'Biaya per lead', 'Cost per lead', 'marketing_manager', 'MKT', 'idr', 'down', 'AUTO', 'ratio', 40,
   'marketing_spend ÷ leads from paid (ads) channels in the period; none when there are no ads leads.'),
  ('marketing_events', 'Aktivitas marketing', 'Marketing events', 'marketing_manager', 'MKT', 'count', 'up', 'AUTO', 'sum', 50,
   'Marketing events (campaigns, content, exhibitions …) dated in the period, credited to whoever entered them.'),
  ('lead_conversion_rate', 'Konversi lead', 'Lead conversion rate', 'marketing_manager', 'MKT', 'percent', 'up', 'AUTO', 'ratio', 60,
   'Share of the period''s leads whose prospect has reached the won stage.'),
  ('revenue_target', 'Omzet (lini edukasi)', 'Revenue (education line)', 'marketing_manager', 'MKT', 'idr', 'up', 'MANUAL', 'sum', 70,
   'Σ of the revenue entries of the period (education line; entered with evidence).'),
  ('new_students', 'Siswa baru', 'New students', 'marketing_manager', 'MKT', 'count', 'up', 'MANUAL', 'sum', 80,
   'Σ of the new-student entries of the period (education line).'),
  ('program_enrolments', 'Pendaftaran program', 'Programme enrolments', 'marketing_manager', 'MKT', 'count', 'up', 'IMPORTED', 'sum', 90,
   'Σ of the enrolment entries of the period, imported from the enrolment system.'),
  ('new_customers', 'Pelanggan baru', 'New customers', 'sales_manager', 'SAL', 'count', 'up', 'AUTO', 'sum', 110,
   'Customers created in the period (not merged or deleted), credited to the owner (else the creator).'),
  ('sales_activities', 'Aktivitas sales', 'Sales activities', 'sales_manager', 'SAL', 'count', 'up', 'AUTO', 'sum', 120,
   'Visits, calls, meetings, e-mails and WhatsApp activities (not system ones) that occurred in the period, by owner.'),
  ('visits', 'Kunjungan', 'Visits', 'sales_manager', 'SAL', 'count', 'up', 'AUTO', 'sum', 130,
   'Visits in the period with photo evidence and GPS, by owner.'),
  ('pipeline_value', 'Nilai pipeline', 'Pipeline value', 'sales_manager', 'SAL', 'idr', 'up', 'AUTO', 'last', 140,
   'Σ expected value of the prospects open (not won or lost) at the end of the period, by owner.'),
  ('weighted_forecast', 'Forecast tertimbang', 'Weighted forecast', 'sales_manager', 'SAL', 'idr', 'up', 'AUTO', 'last', 150,
   'Σ expected value × stage probability of the prospects open at the end of the period, by owner.'),
  ('deals_won', 'Deal menang', 'Deals won', 'sales_manager', 'SAL', 'count', 'up', 'AUTO', 'sum', 160,
   'Prospects moved to won in the period, by prospect owner.'),
  ('win_rate', 'Win rate', 'Win rate', 'sales_manager', 'SAL', 'percent', 'up', 'AUTO', 'ratio', 170,
   'won ÷ (won + lost) of the stage changes in the period; none when nothing closed.'),
  ('revenue_invoiced', 'Omzet tertagih', 'Revenue invoiced', 'sales_manager', 'SAL', 'idr', 'up', 'AUTO', 'sum', 180,
   'Σ amount of the invoices dated in the period (not void). Credit: the customer''s owner, else shared equally (to the cent) by the owners of its live prospects, else unattributed.'),
  ('ticket_first_response_median', 'Median respons pertama', 'Median first response', 'cs_admin', 'CS', 'minutes', 'down', 'AUTO', 'avg', 210,
   'Median business minutes to the first response of the CS tickets opened in the period, by assignee.'),
  ('sla_compliance', 'Kepatuhan SLA', 'SLA compliance', 'cs_admin', 'CS', 'percent', 'up', 'AUTO', 'ratio', 220,
   'Share of the CS tickets closed in the period whose resolution met its SLA target (business minutes, pauses excluded).'),
  ('tickets_resolved', 'Tiket selesai', 'Tickets resolved', 'cs_admin', 'CS', 'count', 'up', 'AUTO', 'sum', 230,
   'CS tickets closed in the period, by assignee.'),
  ('wa_first_response_median', 'Median respons WhatsApp', 'Median WhatsApp response', 'cs_admin', 'CS', 'minutes', 'down', 'AUTO', 'avg', 240,
   'Median minutes to the first agent reply of WhatsApp conversations. No data source yet (conversations arrive with the WhatsApp module): reported NA.'),
  ('dso_rolling_30', 'DSO 30 hari', 'DSO (rolling 30 days)', 'finance_manager', 'FIN', 'days', 'down', 'AUTO', 'last', 310,
   'AR balance at the end of the period (or today) ÷ revenue invoiced in the 30 days up to it × 30; none without revenue.'),
  ('ar_overdue_amount', 'Piutang jatuh tempo', 'AR overdue', 'finance_manager', 'FIN', 'idr', 'down', 'AUTO', 'last', 320,
   'Σ outstanding of invoices past due at the end of the period (or today).'),
  ('collection_rate', 'Tingkat penagihan', 'Collection rate', 'finance_manager', 'FIN', 'percent', 'up', 'AUTO', 'ratio', 330,
   'Payments received in the period ÷ (AR balance the day before the period + revenue invoiced in the period).'),
  ('payments_collected', 'Pembayaran diterima', 'Payments collected', 'finance_manager', 'FIN', 'idr', 'up', 'AUTO', 'sum', 340,
   'Σ payments dated in the period; credit per customer as for revenue_invoiced.');

grant select on kpi_metric_definitions to cc_staff, cc_worker;

-- ---------------------------------------------------------------------------------------
-- Assignees: a user, a team (its manager), a department or the company.
create function app.kpi_assignee_key(p_kind text, p_user uuid, p_dept text) returns text
  language sql immutable parallel safe
  as $$ select p_kind || ':' || coalesce(p_user::text, p_dept, '') $$;

-- The users whose rows count for an assignee: the user; the manager and their team
-- (recursively); everyone of the department; NULL for the company (no filter).
create function app.kpi_scope_owners(p_kind text, p_user uuid, p_dept text) returns uuid[]
  language sql stable
  as $$
    select case p_kind
      when 'user' then array[p_user]
      when 'team' then array[p_user] || coalesce((
        with recursive team (id, depth) as (
          select p.id, 1 from public.profiles p where p.manager_user_id = p_user
          union
          select p.id, t.depth + 1 from public.profiles p join team t on p.manager_user_id = t.id
           where t.depth < 10)
        select array_agg(id) from team), '{}'::uuid[])
      when 'dept' then coalesce((select array_agg(p.id) from public.profiles p where p.dept_code = p_dept),
                                '{}'::uuid[])
    end
  $$;

-- The department whose KPI the caller's role manages (SPEC §3).
create function app.kpi_managed_dept() returns text
  language sql stable parallel safe
  as $$
    select case app.role() when 'marketing_manager' then 'MKT' when 'sales_manager' then 'SAL'
                           when 'finance_manager' then 'FIN' when 'cs_admin' then 'CS' end
  $$;

-- Whether the caller may read targets/entries/actuals of an assignee: super admin and
-- director everything; everyone their own and their team's (scope), their department's
-- and the company's; a department's manager every assignee of their department's metrics
-- (the sales manager only through their team).
create function app.kpi_may_read(p_metric_dept text, p_kind text, p_user uuid, p_dept text)
  returns boolean
  language sql stable
  as $$
    select app.role() in ('super_admin', 'director')
        or p_kind = 'company'
        or (p_kind = 'dept' and p_dept in (app.dept(), app.kpi_managed_dept()))
        or (p_kind in ('user', 'team') and p_user = any (app.scope_ids()))
        or (app.role() <> 'sales_manager' and p_metric_dept = app.kpi_managed_dept())
  $$;

-- Whether the caller may set a target (or enter a value for any assignee) of a metric of
-- `p_metric_dept`: super admin all; marketing manager → MKT, finance manager → FIN,
-- cs_admin → CS; sales manager → SAL for themselves, their team and its members.
create function app.kpi_may_manage(p_metric_dept text, p_kind text, p_user uuid)
  returns boolean
  language sql stable
  as $$
    select app.role() = 'super_admin'
        or (app.role() in ('marketing_manager', 'finance_manager', 'cs_admin')
            and p_metric_dept = app.kpi_managed_dept())
        or (app.role() = 'sales_manager' and p_metric_dept = 'SAL'
            and p_kind in ('user', 'team') and p_user = any (app.scope_ids()))
  $$;

create function app.kpi_metric_dept(p_metric text) returns text
  language sql stable parallel safe
  as $$ select d.dept from public.kpi_metric_definitions d where d.metric_key = p_metric $$;

grant execute on function app.kpi_assignee_key(text, uuid, text), app.kpi_scope_owners(text, uuid, text),
  app.kpi_managed_dept(), app.kpi_may_read(text, text, uuid, text), app.kpi_may_manage(text, text, uuid),
  app.kpi_metric_dept(text) to cc_staff;

-- ---------------------------------------------------------------------------------------
-- Targets (KPI-2). No two targets of one metric and assignee overlap (inclusive days).
create table kpi_targets (
  id uuid primary key default gen_random_uuid(),
  metric_key text not null references kpi_metric_definitions (metric_key),
  assignee_kind text not null check (assignee_kind in ('user', 'team', 'dept', 'company')),
  assignee_user_id uuid references profiles (id),
  assignee_dept text references departments (code),
  assignee_key text generated always as
    (app.kpi_assignee_key(assignee_kind, assignee_user_id, assignee_dept)) stored,
  period_start date not null,
  period_end date not null,
  target_value numeric(18, 2) not null check (target_value >= 0),
  note text not null default '',
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint kpi_targets_period_order check (period_end >= period_start),
  constraint kpi_targets_assignee_shape check (
    (assignee_kind in ('user', 'team') and assignee_user_id is not null and assignee_dept is null)
    or (assignee_kind = 'dept' and assignee_dept is not null and assignee_user_id is null)
    or (assignee_kind = 'company' and assignee_user_id is null and assignee_dept is null)),
  constraint kpi_targets_no_overlap exclude using gist
    (metric_key with =, assignee_key with =, (daterange(period_start, period_end, '[]')) with &&)
);
create index kpi_targets_assignee_idx on kpi_targets (assignee_key, period_start);
create index kpi_targets_user_idx on kpi_targets (assignee_user_id);

create trigger kpi_targets_updated_at before update on kpi_targets
  for each row execute function set_updated_at();
create trigger kpi_targets_audit after insert or update or delete on kpi_targets
  for each row execute function audit_row_change();

-- ---------------------------------------------------------------------------------------
-- Entries (KPI-3): the values of MANUAL and IMPORTED metrics, one per assignee and day as
-- typed or imported, with optional evidence. AUTO metrics refuse entries.
create table kpi_entries (
  id uuid primary key default gen_random_uuid(),
  metric_key text not null references kpi_metric_definitions (metric_key),
  assignee_kind text not null check (assignee_kind in ('user', 'team', 'dept', 'company')),
  assignee_user_id uuid references profiles (id),
  assignee_dept text references departments (code),
  entry_date date not null,
  value numeric(18, 2) not null check (value >= 0),
  note text not null default '',
  evidence_file_id uuid references files (id),
  source text not null default 'manual' check (source in ('manual', 'imported')),
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint kpi_entries_assignee_shape check (
    (assignee_kind in ('user', 'team') and assignee_user_id is not null and assignee_dept is null)
    or (assignee_kind = 'dept' and assignee_dept is not null and assignee_user_id is null)
    or (assignee_kind = 'company' and assignee_user_id is null and assignee_dept is null))
);
create index kpi_entries_metric_date_idx on kpi_entries (metric_key, entry_date);
create index kpi_entries_user_idx on kpi_entries (assignee_user_id);

create function kpi_entries_not_auto() returns trigger
  language plpgsql
  set search_path = pg_catalog, public
  as $$
  begin
    if (select d.source from public.kpi_metric_definitions d where d.metric_key = new.metric_key) = 'AUTO' then
      raise exception 'metric % is computed from the transactions; it takes no entries', new.metric_key
        using errcode = '23514', constraint = 'kpi_entries_metric_not_auto';
    end if;
    return new;
  end
  $$;
create trigger kpi_entries_not_auto before insert or update on kpi_entries
  for each row execute function kpi_entries_not_auto();
create trigger kpi_entries_audit after insert or update or delete on kpi_entries
  for each row execute function audit_row_change();

-- ---------------------------------------------------------------------------------------
-- Row-level security. Writes are checked against the metric's department (kpi_may_manage);
-- the director reads and writes nothing; a user may also enter values of their own
-- department's metrics for themselves.
alter table kpi_metric_definitions enable row level security;
alter table kpi_targets enable row level security;
alter table kpi_entries enable row level security;

create policy kpi_metric_definitions_select on kpi_metric_definitions for select to cc_staff, cc_worker
  using (true);

grant select on kpi_targets, kpi_entries to cc_staff;
grant insert (metric_key, assignee_kind, assignee_user_id, assignee_dept, period_start, period_end,
              target_value, note, created_by),
      update (period_start, period_end, target_value, note, updated_at), delete
  on kpi_targets to cc_super_admin, cc_marketing_manager, cc_sales_manager, cc_finance_manager, cc_cs_admin;
grant insert (metric_key, assignee_kind, assignee_user_id, assignee_dept, entry_date, value, note,
              evidence_file_id, source, created_by), delete
  on kpi_entries to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager,
     cc_salesperson, cc_finance_manager, cc_finance_staff, cc_cs_admin, cc_cs_agent;

create policy kpi_targets_select on kpi_targets for select to cc_staff
  using (app.kpi_may_read(app.kpi_metric_dept(metric_key), assignee_kind, assignee_user_id, assignee_dept));
create policy kpi_targets_insert on kpi_targets for insert to cc_staff
  with check (created_by = (select app.uid())
              and app.kpi_may_manage(app.kpi_metric_dept(metric_key), assignee_kind, assignee_user_id));
create policy kpi_targets_update on kpi_targets for update to cc_staff
  using (app.kpi_may_manage(app.kpi_metric_dept(metric_key), assignee_kind, assignee_user_id))
  with check (app.kpi_may_manage(app.kpi_metric_dept(metric_key), assignee_kind, assignee_user_id));
create policy kpi_targets_delete on kpi_targets for delete to cc_staff
  using (app.kpi_may_manage(app.kpi_metric_dept(metric_key), assignee_kind, assignee_user_id));

create policy kpi_entries_select on kpi_entries for select to cc_staff
  using (app.kpi_may_read(app.kpi_metric_dept(metric_key), assignee_kind, assignee_user_id, assignee_dept));
create policy kpi_entries_insert on kpi_entries for insert to cc_staff
  with check (created_by = (select app.uid())
              and (evidence_file_id is null or app.is_my_upload(evidence_file_id, 'kpi-evidence'))
              and (app.kpi_may_manage(app.kpi_metric_dept(metric_key), assignee_kind, assignee_user_id)
                   or (assignee_kind = 'user' and assignee_user_id = (select app.uid())
                       and app.kpi_metric_dept(metric_key) = app.dept())));
create policy kpi_entries_delete on kpi_entries for delete to cc_staff
  using (app.kpi_may_manage(app.kpi_metric_dept(metric_key), assignee_kind, assignee_user_id)
         or (created_by = (select app.uid()) and created_at > now() - interval '1 day'));

-- An entry's evidence file is readable by whoever reads the entry.
create policy files_select_kpi_evidence on files for select to cc_staff
  using (bucket = 'kpi-evidence'
         and exists (select 1 from kpi_entries e where e.evidence_file_id = files.id));

-- ---------------------------------------------------------------------------------------
-- Credit (KPI-5): who a customer's money counts for. The customer's owner; else the owners
-- of its live prospects, equally; else nobody (unattributed). `rank` and `n` let
-- app.kpi_share split an amount to the cent so that the shares of a document sum to it.
create view v_kpi_customer_credit with (security_invoker = true) as
  select c.id as customer_id, c.owner_user_id as user_id, 1 as rank, 1 as n
    from customers c where c.owner_user_id is not null
  union all
  select x.customer_id, x.user_id, x.rank::int, x.n::int
    from (select p.customer_id, p.owner_user_id as user_id,
                 row_number() over (partition by p.customer_id order by p.owner_user_id) as rank,
                 count(*) over (partition by p.customer_id) as n
            from (select distinct p.customer_id, p.owner_user_id
                    from prospects p
                    join customers c on c.id = p.customer_id and c.owner_user_id is null
                   where p.deleted_at is null and p.owner_user_id is not null) p) x
  union all
  select c.id, null, 1, 1
    from customers c
   where c.owner_user_id is null
     and not exists (select 1 from prospects p where p.customer_id = c.id and p.deleted_at is null
                                                 and p.owner_user_id is not null);

-- The customers whose money counts for an assignee (every customer once, whole, for the
-- company), with the assignee's share: the rows of v_kpi_customer_credit of the owners,
-- found from the owners' indexes (customers_owner_user_id_idx, prospects_live_owner_idx)
-- rather than by filtering the view — an SQL function's plan is generic, and the view
-- filtered by a parameter scans every customer and ranks every unowned customer's
-- prospects (0.5 s per call at 1 M). The branches are switched by `p_all` alone (one-time
-- filters). SECURITY DEFINER: finance computes credit by sales owner without reading
-- prospects; returns ids and shares only. Caller: cc_staff (the registry).
create function app.kpi_credit(p_all boolean, p_owners uuid[])
  returns table (customer_id uuid, rank int, n int)
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    select c.id, 1, 1 from public.customers c where p_all
    union all
    select c.id, 1, 1 from public.customers c
     where not p_all and c.owner_user_id = any (p_owners)
    union all
    select s.customer_id, s.rank, s.n
      from (select distinct p.customer_id from public.prospects p
             where not p_all and p.owner_user_id = any (p_owners) and p.deleted_at is null
               -- unowned: a primary-key probe per prospect (a join hashes every unowned customer)
               and (select c.owner_user_id from public.customers c where c.id = p.customer_id) is null) q
      cross join lateral (
        select q.customer_id, o.owner_user_id,
               (row_number() over (order by o.owner_user_id))::int as rank, (count(*) over ())::int as n
          from (select distinct p.owner_user_id from public.prospects p
                 where p.customer_id = q.customer_id and p.deleted_at is null
                   and p.owner_user_id is not null) o) s
     where s.owner_user_id = any (p_owners)
  $$;
revoke execute on function app.kpi_credit(boolean, uuid[]) from public;
grant execute on function app.kpi_credit(boolean, uuid[]) to cc_staff;

-- The share `rank` of `n` of an amount, in whole cents: the first (amount mod n) shares
-- take one cent more, so Σ shares = amount exactly.
create function app.kpi_share(p_amount numeric, p_rank int, p_n int) returns numeric
  language sql immutable parallel safe
  as $$
    select (floor(round(p_amount * 100) / p_n)
            + case when p_rank <= (round(p_amount * 100)::bigint % p_n) then 1 else 0 end) / 100.0
  $$;
grant execute on function app.kpi_share(numeric, int, int) to cc_staff;

-- New customers of the owners (owner, else creator) in [t0, t1): a count only.
-- SECURITY DEFINER: a sales manager's customer policy does not reach the unowned customers
-- their team members created, yet they count for those members (KPI-5: the same figure
-- whoever views it). Caller: cc_staff (the registry).
create function app.kpi_new_customers(p_all boolean, p_owners uuid[], t0 timestamptz, t1 timestamptz)
  returns numeric
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    -- Two branches switched by p_all alone (one-time filters: an SQL function's plan is
    -- generic, and `p_all or …` would scan every customer), each on its index.
    select (select count(*) from public.customers c
             where p_all and c.deleted_at is null and c.merged_into_id is null
               and c.created_at >= t0 and c.created_at < t1)
         + (select count(*) from public.customers c
             where not p_all and c.deleted_at is null and c.merged_into_id is null
               and coalesce(c.owner_user_id, c.created_by) = any (p_owners)
               and c.created_at >= t0 and c.created_at < t1)::numeric
  $$;
revoke execute on function app.kpi_new_customers(boolean, uuid[], timestamptz, timestamptz) from public;
grant execute on function app.kpi_new_customers(boolean, uuid[], timestamptz, timestamptz) to cc_staff;

-- Deals closed in a period (deals_won, win_rate): the few won/lost changes of a month,
-- rather than a probe of every prospect's history.
create index prospect_stage_history_closed_idx on prospect_stage_history (changed_at)
  include (prospect_id, to_stage) where to_stage in ('won', 'lost');
-- New customers per month (company) and per credited owner (owner, else creator).
create index customers_live_created_idx on customers (created_at)
  where deleted_at is null and merged_into_id is null;
create index customers_credited_created_idx on customers ((coalesce(owner_user_id, created_by)), created_at)
  where deleted_at is null and merged_into_id is null;

-- ---------------------------------------------------------------------------------------
-- The registry (KPI-3): every actual of a metric for an assignee over the days
-- [p_from, p_to] (Asia/Jakarta), as rows (bucket, value) — the actual with bucket NULL,
-- and for leads_by_channel also one row per channel. No row = no data source (NA);
-- a row with value NULL = undefined for the period (a ratio without denominator, manual
-- metrics without entries). SECURITY INVOKER: the caller's row-level security applies;
-- the API lets callers ask only for assignees whose rows they can read (SPEC §3).
create function app.kpi_actual(p_metric text, p_kind text, p_user uuid, p_dept text,
                               p_from date, p_to date)
  returns table (bucket text, value numeric)
  language plpgsql stable
  as $$
  declare
    v_all boolean := p_kind = 'company';
    v_owners uuid[] := coalesce(app.kpi_scope_owners(p_kind, p_user, p_dept), '{}'::uuid[]);
    t0 timestamptz := p_from::timestamp at time zone 'Asia/Jakarta';
    t1 timestamptz := (p_to + 1)::timestamp at time zone 'Asia/Jakarta';
    -- Balances are as of the period's end, or today while it runs.
    v_end date := least(p_to, app.ar_today());
    v_def record;
  begin
    select d.source, d.aggregation, d.dept into v_def
      from public.kpi_metric_definitions d where d.metric_key = p_metric and d.is_active;
    if not found then
      return;
    end if;
    -- Finance owns the whole book: its department's finance figures are the company's.
    v_all := v_all or (p_kind = 'dept' and p_dept = 'FIN' and v_def.dept = 'FIN');
    if v_def.source <> 'AUTO' then
      -- Entries of the assignee and of the assignees inside it.
      return query
        select null::text,
               case v_def.aggregation
                 when 'avg' then round(avg(e.value), 2)
                 when 'last' then (array_agg(e.value order by e.entry_date desc, e.created_at desc))[1]
                 else sum(e.value) end
          from public.kpi_entries e
         where e.metric_key = p_metric and e.entry_date between p_from and p_to
           and (v_all
                or (e.assignee_kind = 'user' and e.assignee_user_id = any (v_owners))
                or (p_kind = 'team' and e.assignee_kind = 'team' and e.assignee_user_id = p_user)
                or (p_kind = 'dept' and e.assignee_kind = 'dept' and e.assignee_dept = p_dept)
                or (p_kind = 'dept' and e.assignee_kind = 'team' and e.assignee_user_id = any (v_owners)))
        having count(*) > 0;
      return;
    end if;

    -- A metric over tables the caller may not read at all is NA for them (a sales manager
    -- shown a marketing target of a team member), not an error for the whole scorecard.
    if not (select coalesce(bool_and(has_any_column_privilege(t, 'select')), true)
              from unnest(case
                when p_metric in ('marketing_spend', 'cost_per_lead') then array['public.marketing_spend']
                when p_metric = 'marketing_events' then array['public.marketing_activity_events']
                when p_metric in ('leads_total', 'leads_by_channel', 'lead_conversion_rate') then array['public.leads']
                when p_metric in ('sales_activities', 'visits') then array['public.sales_activities']
                when p_metric in ('pipeline_value', 'weighted_forecast', 'deals_won', 'win_rate')
                  then array['public.prospects', 'public.prospect_stage_history']
                when p_metric in ('revenue_invoiced') then array['public.invoices']
                when p_metric in ('payments_collected', 'ar_overdue_amount', 'dso_rolling_30', 'collection_rate')
                  then array['public.invoices', 'public.payments', 'public.payment_allocations']
                when p_metric in ('ticket_first_response_median', 'sla_compliance', 'tickets_resolved')
                  then array['public.tickets']
                else array[]::text[] end) as t) then
      return;
    end if;

    case p_metric
    when 'leads_total' then
      return query
        select null::text, count(*)::numeric from public.leads l
         where l.deleted_at is null and l.created_at >= t0 and l.created_at < t1
           and (v_all or coalesce(l.marketing_owner_user_id, l.created_by) = any (v_owners));
    when 'leads_by_channel' then
      -- The total (bucket NULL) and one row per channel with leads.
      return query
        select l.channel, count(*)::numeric from public.leads l
         where l.deleted_at is null and l.created_at >= t0 and l.created_at < t1
           and (v_all or coalesce(l.marketing_owner_user_id, l.created_by) = any (v_owners))
         group by rollup (l.channel);
    when 'marketing_spend' then
      return query
        select null::text, coalesce(sum(s.amount), 0.00) from public.marketing_spend s
         where s.spend_date between p_from and p_to and (v_all or s.created_by = any (v_owners));
    when 'cost_per_lead' then
      return query
        select null::text,
               round((select coalesce(sum(s.amount), 0.00) from public.marketing_spend s
                       where s.spend_date between p_from and p_to
                         and (v_all or s.created_by = any (v_owners)))
                     / nullif((select count(*) from public.leads l
                                 join public.channels ch on ch.code = l.channel and ch.source_group = 'ads'
                                where l.deleted_at is null and l.created_at >= t0 and l.created_at < t1
                                  and (v_all or coalesce(l.marketing_owner_user_id, l.created_by) = any (v_owners))), 0),
                     2);
    when 'marketing_events' then
      return query
        select null::text, count(*)::numeric from public.marketing_activity_events m
         where m.event_date between p_from and p_to and (v_all or m.created_by = any (v_owners));
    when 'lead_conversion_rate' then
      return query
        select null::text,
               round(100.0 * count(*) filter (where p.stage = 'won') / nullif(count(*), 0), 2)
          from public.leads l join public.prospects p on p.id = l.prospect_id
         where l.deleted_at is null and l.created_at >= t0 and l.created_at < t1
           and (v_all or coalesce(l.marketing_owner_user_id, l.created_by) = any (v_owners));
    when 'new_customers' then
      return query select null::text, app.kpi_new_customers(v_all, v_owners, t0, t1);
    when 'sales_activities' then
      return query
        select null::text, count(*)::numeric from public.sales_activities a
         where a.deleted_at is null and a.activity_type <> 'system' and a.scheduled_at is null
           and a.occurred_at >= t0 and a.occurred_at < t1
           and (v_all or a.owner_user_id = any (v_owners));
    when 'visits' then
      return query
        select null::text, count(*)::numeric from public.sales_activities a
         where a.deleted_at is null and a.activity_type = 'visit' and a.evidence_file_id is not null
           and a.occurred_at >= t0 and a.occurred_at < t1
           and (v_all or a.owner_user_id = any (v_owners));
    when 'pipeline_value', 'weighted_forecast' then
      -- The stage each prospect had at the end of the period (its last change before t1).
      -- While the period runs that is the stage it has now (every change is in the history,
      -- none dated after now): no history lookup per prospect.
      if t1 > now() then
        return query
          select null::text,
                 coalesce(round(sum(case when p_metric = 'pipeline_value' then p.expected_value
                                         else p.expected_value * st.probability / 100 end), 2), 0.00)
            from public.prospects p
            join public.pipeline_stages st on st.code = p.stage
           where p.deleted_at is null and not st.is_closed
             and (v_all or p.owner_user_id = any (v_owners));
      else
        return query
          select null::text,
                 coalesce(round(sum(case when p_metric = 'pipeline_value' then p.expected_value
                                         else p.expected_value * st.probability / 100 end), 2), 0.00)
            from public.prospects p
            left join lateral (
              select h.to_stage from public.prospect_stage_history h
               where h.prospect_id = p.id and h.changed_at < t1
               order by h.changed_at desc, h.id desc limit 1) s on true
            join public.pipeline_stages st on st.code = coalesce(s.to_stage, 'new')
           where p.deleted_at is null and p.created_at < t1 and not st.is_closed
             and (v_all or p.owner_user_id = any (v_owners));
      end if;
    when 'deals_won', 'win_rate' then
      return query
        select null::text,
               case when p_metric = 'deals_won' then count(*) filter (where h.to_stage = 'won')::numeric
                    else round(100.0 * count(*) filter (where h.to_stage = 'won') / nullif(count(*), 0), 2) end
          from public.prospect_stage_history h join public.prospects p on p.id = h.prospect_id
         where h.to_stage in ('won', 'lost') and h.changed_at >= t0 and h.changed_at < t1
           and p.deleted_at is null and (v_all or p.owner_user_id = any (v_owners));
    -- Money of the whole book (company, FIN): every customer is credited once and whole,
    -- so the documents are summed without the credit join; an assignee's money is its
    -- shares of its credited customers' documents.
    when 'revenue_invoiced' then
      if v_all then
        return query
          select null::text, coalesce(sum(i.amount), 0.00) from public.invoices i
           where i.voided_at is null and i.invoice_date between p_from and p_to;
      else
        return query
          select null::text, coalesce(sum(app.kpi_share(i.amount, cr.rank, cr.n)), 0.00)
            from public.invoices i
            join app.kpi_credit(false, v_owners) cr on cr.customer_id = i.customer_id
           where i.voided_at is null and i.invoice_date between p_from and p_to;
      end if;
    when 'payments_collected' then
      if v_all then
        return query
          select null::text, coalesce(sum(x.amount), 0.00) from public.payments x
           where x.payment_date between p_from and p_to;
      else
        return query
          select null::text, coalesce(sum(app.kpi_share(x.amount, cr.rank, cr.n)), 0.00)
            from public.payments x
            join app.kpi_credit(false, v_owners) cr on cr.customer_id = x.customer_id
           where x.payment_date between p_from and p_to;
      end if;
    when 'ar_overdue_amount', 'dso_rolling_30', 'collection_rate' then
     if v_all then
      return query
        with open_end as (
          select coalesce(sum(o.outstanding), 0.00) as balance,
                 coalesce(sum(o.outstanding) filter (where o.days_overdue > 0), 0.00) as overdue
            from app.ar_invoices_as_of(v_end) o
           where p_metric <> 'collection_rate'),
        open_before as (
          select coalesce(sum(o.outstanding), 0.00) as balance
            from app.ar_invoices_as_of(p_from - 1) o
           where p_metric = 'collection_rate'),
        invoiced as (
          select coalesce(sum(i.amount) filter (where i.invoice_date between v_end - 29 and v_end), 0.00) as last30,
                 coalesce(sum(i.amount) filter (where i.invoice_date between p_from and p_to), 0.00) as in_period
            from public.invoices i
           where i.voided_at is null and i.invoice_date between least(p_from, v_end - 29) and p_to),
        collected as (
          select coalesce(sum(x.amount), 0.00) as amount
            from public.payments x
           where p_metric = 'collection_rate' and x.payment_date between p_from and p_to)
        select null::text,
               case p_metric
                 when 'ar_overdue_amount' then (select overdue from open_end)
                 when 'dso_rolling_30' then
                   round((select balance from open_end) * 30 / nullif((select last30 from invoiced), 0), 2)
                 else round(100.0 * (select amount from collected)
                            / nullif((select balance from open_before) + (select in_period from invoiced), 0), 2)
               end;
     else
      return query
        with share as (
          -- The customers whose money counts for the assignee, with the assignee's share.
          select cr.customer_id, cr.rank, cr.n from app.kpi_credit(false, v_owners) cr),
        open_end as (
          select coalesce(sum(app.kpi_share(o.outstanding, s.rank, s.n)), 0.00) as balance,
                 coalesce(sum(app.kpi_share(o.outstanding, s.rank, s.n))
                            filter (where o.days_overdue > 0), 0.00) as overdue
            from app.ar_invoices_as_of(v_end) o join share s on s.customer_id = o.customer_id),
        open_before as (
          select coalesce(sum(app.kpi_share(o.outstanding, s.rank, s.n)), 0.00) as balance
            from app.ar_invoices_as_of(p_from - 1) o join share s on s.customer_id = o.customer_id
           where p_metric = 'collection_rate'),
        invoiced as (
          select coalesce(sum(app.kpi_share(i.amount, s.rank, s.n))
                            filter (where i.invoice_date between v_end - 29 and v_end), 0.00) as last30,
                 coalesce(sum(app.kpi_share(i.amount, s.rank, s.n))
                            filter (where i.invoice_date between p_from and p_to), 0.00) as in_period
            from public.invoices i join share s on s.customer_id = i.customer_id
           where i.voided_at is null and i.invoice_date between least(p_from, v_end - 29) and p_to),
        collected as (
          select coalesce(sum(app.kpi_share(x.amount, s.rank, s.n)), 0.00) as amount
            from public.payments x join share s on s.customer_id = x.customer_id
           where p_metric = 'collection_rate' and x.payment_date between p_from and p_to)
        select null::text,
               case p_metric
                 when 'ar_overdue_amount' then (select overdue from open_end)
                 when 'dso_rolling_30' then
                   round((select balance from open_end) * 30 / nullif((select last30 from invoiced), 0), 2)
                 else round(100.0 * (select amount from collected)
                            / nullif((select balance from open_before) + (select in_period from invoiced), 0), 2)
               end;
     end if;
    when 'ticket_first_response_median' then
      return query
        select null::text,
               round(percentile_cont(0.5) within group (
                       order by app.business_minutes(t.created_at, t.first_response_at))::numeric, 2)
          from public.tickets t
         where t.dept_target = 'CS' and t.first_response_at is not null
           and t.created_at >= t0 and t.created_at < t1
           and (v_all or t.assigned_to_user_id = any (v_owners));
    when 'sla_compliance' then
      return query
        select null::text,
               round(100.0 * count(*) filter (where s.resolution_state = 'met') / nullif(count(*), 0), 2)
          from public.v_ticket_sla s
         where s.dept_target = 'CS' and s.closed_at >= t0 and s.closed_at < t1
           and (v_all or s.assigned_to_user_id = any (v_owners));
    when 'tickets_resolved' then
      return query
        select null::text, count(*)::numeric from public.tickets t
         where t.dept_target = 'CS' and t.closed_at >= t0 and t.closed_at < t1
           and (v_all or t.assigned_to_user_id = any (v_owners));
    else
      -- No data source yet (e.g. wa_first_response_median before the WhatsApp module).
      return;
    end case;
  end
  $$;
grant execute on function app.kpi_actual(text, text, uuid, text, date, date) to cc_staff;

-- Whether the caller may see the scorecard of an assignee: super admin and director all;
-- a user or team in the caller's scope (self, team); a department's manager every user,
-- team and the department itself (the sales manager only through their team — their rows
-- end at the team). The actuals are computed under the caller's row-level security, so
-- this keeps callers to assignees whose rows they can read in full.
create function app.kpi_may_view(p_kind text, p_user uuid, p_dept text) returns boolean
  language sql stable
  as $$
    select coalesce(
      app.role() in ('super_admin', 'director')
        or (p_kind in ('user', 'team')
            and (p_user = any (app.scope_ids())
                 or (app.role() <> 'sales_manager'
                     and (select p.dept_code from public.profiles p where p.id = p_user) = app.kpi_managed_dept())))
        or (p_kind = 'dept' and app.role() <> 'sales_manager' and p_dept = app.kpi_managed_dept()),
      false)
  $$;
grant execute on function app.kpi_may_view(text, uuid, text) to cc_staff;
