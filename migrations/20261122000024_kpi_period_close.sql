-- KPI-5: closing a period freezes its figures. A close of (period, department) snapshots
-- the target, actual, achievement and status of every metric of that department with a
-- target in the period, per assignee. Reopening needs a reason and keeps the close as
-- history; closing again makes the next revision. The scorecard of a closed period shows
-- the snapshot and how far the live figure has drifted since.

create table kpi_period_closes (
  id uuid primary key default gen_random_uuid(),
  period text not null check (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
  period_start date not null,
  period_end date not null,
  dept text not null references departments (code),
  revision int not null check (revision >= 1),
  closed_by uuid references profiles (id) on delete set null,
  closed_at timestamptz not null default now(),
  reopened_by uuid references profiles (id) on delete set null,
  reopened_at timestamptz,
  reopen_reason text,
  constraint kpi_period_closes_revision_key unique (period, dept, revision),
  constraint kpi_period_closes_reopen_reason check (
    (reopened_at is null) = (reopen_reason is null)
    and (reopen_reason is null or length(btrim(reopen_reason)) between 3 and 1000))
);
-- At most one standing close per period and department.
create unique index kpi_period_closes_open_key on kpi_period_closes (period, dept) where reopened_at is null;

create table kpi_close_values (
  close_id uuid not null references kpi_period_closes (id) on delete cascade,
  metric_key text not null references kpi_metric_definitions (metric_key),
  assignee_kind text not null check (assignee_kind in ('user', 'team', 'dept', 'company')),
  assignee_user_id uuid references profiles (id),
  assignee_dept text references departments (code),
  assignee_key text generated always as
    (app.kpi_assignee_key(assignee_kind, assignee_user_id, assignee_dept)) stored,
  target_value numeric(18, 2),
  actual numeric(18, 2),
  achievement_pct numeric(12, 2),
  status text not null check (status in ('on_track', 'at_risk', 'behind', 'na', 'no_target')),
  primary key (close_id, metric_key, assignee_key)
);
create index kpi_close_values_assignee_idx on kpi_close_values (assignee_key);

create trigger kpi_period_closes_audit after insert or update or delete on kpi_period_closes
  for each row execute function audit_row_change();

alter table kpi_period_closes enable row level security;
alter table kpi_close_values enable row level security;

grant select on kpi_period_closes, kpi_close_values to cc_staff;
grant insert (period, period_start, period_end, dept, revision, closed_by),
      update (reopened_by, reopened_at, reopen_reason)
  on kpi_period_closes to cc_super_admin, cc_marketing_manager, cc_finance_manager, cc_cs_admin;
grant insert (close_id, metric_key, assignee_kind, assignee_user_id, assignee_dept, target_value,
              actual, achievement_pct, status)
  on kpi_close_values to cc_super_admin, cc_marketing_manager, cc_finance_manager, cc_cs_admin;

-- Who closes: whoever sets the department's targets for the whole company (super admin;
-- marketing, finance, CS managers for their department). Everyone with KPI reads closes;
-- snapshot values follow the target rules.
create policy kpi_period_closes_select on kpi_period_closes for select to cc_staff using (true);
create policy kpi_period_closes_insert on kpi_period_closes for insert to cc_staff
  with check (closed_by = (select app.uid()) and app.kpi_may_manage(dept, 'company', null));
create policy kpi_period_closes_update on kpi_period_closes for update to cc_staff
  using (app.kpi_may_manage(dept, 'company', null))
  with check (reopened_by = (select app.uid()) and app.kpi_may_manage(dept, 'company', null));
create policy kpi_close_values_select on kpi_close_values for select to cc_staff
  using (app.kpi_may_read(app.kpi_metric_dept(metric_key), assignee_kind, assignee_user_id, assignee_dept));
create policy kpi_close_values_insert on kpi_close_values for insert to cc_staff
  with check (exists (select 1 from kpi_period_closes c
                       where c.id = close_id and c.closed_by = (select app.uid()) and c.reopened_at is null
                         and c.dept = app.kpi_metric_dept(metric_key)));
