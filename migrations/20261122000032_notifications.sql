-- NTF-1, everywhere: every event the SPEC names produces one notification (ticket assigned,
-- SLA breached, invoice overdue for my customer, KPI target at risk join the landed ones),
-- each pushed live to its owner over SSE; per-user e-mail preferences and an e-mail outbox
-- the worker drains over SMTP (never inside a request).

-- ---------------------------------------------------------------------------------------
-- The kinds (domain::notifications::NotificationKind).
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
  check (kind in ('lead_assigned', 'ticket_assigned', 'task_due', 'sla_at_risk', 'sla_breached',
                  'invoice_overdue', 'import_finished', 'target_at_risk', 'system'));

-- ---------------------------------------------------------------------------------------
-- Preferences: in-app is always on; e-mail per kind, off unless the user turns it on.
create table notification_preferences (
  user_id uuid not null references profiles (id) on delete cascade,
  kind text not null,
  email boolean not null default false,
  updated_at timestamptz not null default now(),
  constraint notification_preferences_pkey primary key (user_id, kind),
  constraint notification_preferences_kind_check
    check (kind in ('lead_assigned', 'ticket_assigned', 'task_due', 'sla_at_risk', 'sla_breached',
                    'invoice_overdue', 'import_finished', 'target_at_risk', 'system'))
);
create trigger notification_preferences_set_updated_at before update on notification_preferences
  for each row execute function set_updated_at();

alter table notification_preferences enable row level security;
grant select, insert, update (email, updated_at) on notification_preferences to cc_staff;
create policy notification_preferences_own on notification_preferences for all to cc_staff
  using (user_id = (select app.uid())) with check (user_id = (select app.uid()));

-- ---------------------------------------------------------------------------------------
-- The e-mail outbox: one row per notification whose owner wants it by e-mail, written in
-- the notification's transaction; the worker sends it (server::mail) with retries. Only
-- the worker reads or touches it; users see their notifications, not the outbox.
create table email_outbox (
  id uuid primary key default gen_random_uuid(),
  notification_id uuid not null references notifications (id) on delete cascade,
  to_address citext not null,
  language text not null,
  subject text not null,
  body_text text not null,
  body_html text,
  -- the SPA path of the notification, made absolute by the sender (APP_BASE_URL)
  link text,
  status text not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint email_outbox_one_per_notification unique (notification_id),
  constraint email_outbox_language_known check (language in ('id', 'en')),
  constraint email_outbox_status_known check (status in ('pending', 'sent', 'failed')),
  constraint email_outbox_attempts_non_negative check (attempts >= 0)
);
create index email_outbox_due_idx on email_outbox (next_attempt_at) where status = 'pending';
create trigger email_outbox_set_updated_at before update on email_outbox
  for each row execute function set_updated_at();

alter table email_outbox enable row level security;
grant select, update (status, attempts, next_attempt_at, last_error, sent_at, updated_at)
  on email_outbox to cc_worker;
create policy email_outbox_worker on email_outbox for all to cc_worker using (true) with check (true);

-- NTF-1: writes one notification; a repeated `p_dedup_key` is a no-op (returns null). When
-- its owner wants this kind by e-mail, the mail is queued in the same transaction.
create or replace function app.notify(p_user_id uuid, p_kind text, p_title text, p_body text,
                                      p_link text, p_dedup_key text)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_id uuid;
begin
  insert into notifications (user_id, kind, title, body, link, dedup_key)
  select p_user_id, p_kind, p_title, coalesce(p_body, ''), p_link, p_dedup_key
   where exists (select 1 from profiles where id = p_user_id and is_active)
  on conflict (dedup_key) do nothing
  returning id into v_id;
  if v_id is not null then
    insert into email_outbox (notification_id, to_address, language, subject, body_text, link)
    select v_id, p.email, case when p.language = 'en' then 'en' else 'id' end,
           p_title, coalesce(p_body, ''), p_link
      from profiles p
      join notification_preferences np on np.user_id = p.id and np.kind = p_kind and np.email
     where p.id = p_user_id;
  end if;
  return v_id;
end
$$;

-- ---------------------------------------------------------------------------------------
-- Live: each new notification is announced on `cc_events`; crates/http/src/api/events.rs
-- forwards it to its owner's streams only. The payload carries the title, never the body.
create function notifications_announce() returns trigger
  language plpgsql
  as $$
begin
  perform pg_notify('cc_events', jsonb_build_object(
    'type', 'notification.created', 'id', new.id, 'user_id', new.user_id, 'kind', new.kind,
    'title', left(new.title, 300), 'link', new.link, 'at', new.created_at)::text);
  return null;
end
$$;
create trigger notifications_announce after insert on notifications
  for each row execute function notifications_announce();

-- ---------------------------------------------------------------------------------------
-- Ticket assigned: whoever assigns (API, n8n intake, auto-assignment), the new assignee is
-- told unless they assigned it to themselves; tickets written closed (history) tell nobody.
-- Once per assignment (the key carries the transaction). The WHEN clauses keep every other
-- ticket write free of the call.
create function tickets_notify_assignee() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
begin
  if new.assigned_to_user_id is not null and new.status <> 'closed'
     and (tg_op = 'INSERT' or new.assigned_to_user_id is distinct from old.assigned_to_user_id)
     and new.assigned_to_user_id is distinct from app.uid() then
    perform app.notify_localized(
      new.assigned_to_user_id, 'ticket_assigned',
      'Tiket ' || new.ticket_code || ' ditugaskan kepada Anda',
      'Ticket ' || new.ticket_code || ' assigned to you',
      'Prioritas ' || new.priority || ' · ' || new.dept_target,
      'Priority ' || new.priority || ' · ' || new.dept_target,
      '/ticketing/tickets/' || new.id,
      'ticket-assigned:' || new.id || ':' || new.assigned_to_user_id || ':' || txid_current());
  end if;
  return null;
end
$$;
revoke execute on function tickets_notify_assignee() from public;
create trigger tickets_notify_assignee_inserted after insert on tickets
  for each row when (new.assigned_to_user_id is not null)
  execute function tickets_notify_assignee();
create trigger tickets_notify_assignee_updated after update of assigned_to_user_id on tickets
  for each row when (new.assigned_to_user_id is distinct from old.assigned_to_user_id)
  execute function tickets_notify_assignee();

-- ---------------------------------------------------------------------------------------
-- SLA breached (worker, with the at-risk warnings): each open ticket whose first response
-- or resolution has gone past its target tells its assignee — or, unassigned, every active
-- CS admin — once per ticket, target and person. Returns how many were sent.
create function app.send_sla_breaches(p_batch integer) returns bigint
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    with breached as (
      select s.ticket_id, s.ticket_code, s.assigned_to_user_id, s.created_at, x.target
        from v_ticket_sla s
       cross join lateral (values ('first_response', s.first_response_state),
                                  ('resolution', s.resolution_state)) x (target, state)
       where s.status <> 'closed' and x.state = 'breached'),
    recipients as (
      select b.*, coalesce(b.assigned_to_user_id, a.id) as user_id
        from breached b
        left join profiles a
          on b.assigned_to_user_id is null and a.role_name = 'cs_admin' and a.is_active),
    fresh as (
      select r.*, 'sla-breached:' || r.ticket_id || ':' || r.target || ':' || r.user_id as key
        from recipients r
       where r.user_id is not null
         and not exists (select 1 from notifications n
                          where n.dedup_key = 'sla-breached:' || r.ticket_id || ':' || r.target
                                              || ':' || r.user_id)
       order by r.created_at, r.ticket_id
       limit p_batch)
    select count(app.notify_localized(
             user_id, 'sla_breached',
             'SLA terlewati: ' || ticket_code,
             'SLA breached: ' || ticket_code,
             case when target = 'first_response' then 'Respons pertama melewati target'
                  else 'Penyelesaian melewati target' end,
             case when target = 'first_response' then 'First response past its target'
                  else 'Resolution past its target' end,
             '/ticketing/tickets/' || ticket_id,
             key))
      from fresh
  $$;
revoke execute on function app.send_sla_breaches(integer) from public;
grant execute on function app.send_sla_breaches(integer) to cc_worker;

-- ---------------------------------------------------------------------------------------
-- Invoice overdue for my customer (worker, daily): every invoice open and past due today
-- (Asia/Jakarta) tells the customer's sales owners — the customer's owner and creator and
-- the owners of its live prospects, as app.ar_customer_ids() counts them, who are active
-- salespeople or sales managers — once per invoice, aging bucket and person.
create function app.send_invoice_overdue_notices(p_batch integer) returns bigint
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    with overdue as (
      select i.id, i.invoice_code, i.customer_id, i.amount - i.allocated as outstanding,
             app.ar_today() - i.due_date as days
        from invoices i
       where i.voided_at is null and i.allocated < i.amount and i.due_date < app.ar_today()),
    bucketed as (
      select o.*, case when o.days <= 30 then '1-30' when o.days <= 60 then '31-60'
                       when o.days <= 90 then '61-90' else '90+' end as bucket
        from overdue o),
    owners as (
      select distinct b.*, c.company_name, u.user_id
        from bucketed b
        join customers c on c.id = b.customer_id
       cross join lateral (
         select c.owner_user_id union select c.created_by
         union select p.owner_user_id from prospects p
                where p.customer_id = c.id and p.deleted_at is null) u (user_id)),
    fresh as (
      select o.*, 'invoice-overdue:' || o.id || ':' || o.bucket || ':' || o.user_id as key
        from owners o
        join profiles p on p.id = o.user_id and p.is_active
                       and p.role_name in ('salesperson', 'sales_manager')
       where not exists (select 1 from notifications n
                          where n.dedup_key = 'invoice-overdue:' || o.id || ':' || o.bucket
                                              || ':' || o.user_id)
       order by o.days desc, o.id
       limit p_batch)
    select count(app.notify_localized(
             user_id, 'invoice_overdue',
             'Invoice ' || invoice_code || ' lewat jatuh tempo ' || days || ' hari (' || bucket || ')',
             'Invoice ' || invoice_code || ' overdue by ' || days || ' days (' || bucket || ')',
             company_name || ' · sisa Rp '
               || replace(to_char(round(outstanding), 'FM999,999,999,999,990'), ',', '.'),
             company_name || ' · outstanding IDR '
               || to_char(round(outstanding), 'FM999,999,999,999,990'),
             '/dso/invoices/' || id,
             key))
      from fresh
  $$;
revoke execute on function app.send_invoice_overdue_notices(integer) from public;
grant execute on function app.send_invoice_overdue_notices(integer) to cc_worker;

-- ---------------------------------------------------------------------------------------
-- KPI target at risk at mid-period (worker, daily): each target of a user or a team whose
-- period is at least half elapsed on p_today and whose actual (app.kpi_actual) is behind
-- the pro-rated target — below it for metrics that go up, above it for those that go down;
-- sums pro-rate by the elapsed days, averages and ratios compare with the target itself —
-- tells the user (or the team's manager), once per target and period.
create function app.send_kpi_target_warnings(p_today date) returns bigint
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  r record;
  v_actual numeric;
  v_expected numeric;
  v_sent bigint := 0;
  v_period text;
begin
  for r in
    select t.id, t.metric_key, t.assignee_kind, t.assignee_user_id, t.period_start,
           t.period_end, t.target_value, d.direction, d.aggregation, d.name_id, d.name_en,
           'kpi-target-at-risk:' || t.id || ':' || t.period_start || ':' || t.period_end as key
      from kpi_targets t
      join kpi_metric_definitions d on d.metric_key = t.metric_key and d.is_active
      join profiles p on p.id = t.assignee_user_id and p.is_active
     where t.assignee_kind in ('user', 'team')
       and p_today between t.period_start and t.period_end
       and (p_today - t.period_start + 1) * 2 >= (t.period_end - t.period_start + 1)
       and not exists (select 1 from notifications n
                        where n.dedup_key = 'kpi-target-at-risk:' || t.id || ':' || t.period_start
                                            || ':' || t.period_end)
  loop
    select a.value into v_actual
      from app.kpi_actual(r.metric_key, r.assignee_kind, r.assignee_user_id, null,
                          r.period_start, r.period_end) a
     where a.bucket is null;
    if r.aggregation = 'sum' then
      v_actual := coalesce(v_actual, 0);
      v_expected := r.target_value * (p_today - r.period_start + 1)
                    / (r.period_end - r.period_start + 1);
    else
      v_expected := r.target_value;
    end if;
    continue when v_actual is null;
    continue when not ((r.direction = 'up' and v_actual < v_expected)
                       or (r.direction = 'down' and v_actual > v_expected));
    v_period := case
      when r.period_start = date_trunc('year', r.period_start)::date
           and r.period_end = (date_trunc('year', r.period_start) + interval '1 year - 1 day')::date
        then to_char(r.period_start, 'YYYY')
      when r.period_start = date_trunc('quarter', r.period_start)::date
           and r.period_end = (date_trunc('quarter', r.period_start) + interval '3 months - 1 day')::date
        then to_char(r.period_start, 'YYYY-"Q"Q')
      else to_char(r.period_start, 'YYYY-MM') end;
    if app.notify_localized(
         r.assignee_user_id, 'target_at_risk',
         'Target ' || r.name_id || ' berisiko tidak tercapai',
         'Target ' || r.name_en || ' at risk',
         'Realisasi ' || round(v_actual, 2) || ' dari ' || round(v_expected, 2)
           || ' yang diharapkan per hari ini (target ' || round(r.target_value, 2) || ')',
         'Actual ' || round(v_actual, 2) || ' against ' || round(v_expected, 2)
           || ' expected by today (target ' || round(r.target_value, 2) || ')',
         '/kpi?period=' || v_period || '&metric=' || r.metric_key
           || case when r.assignee_kind = 'team' then '&scope=team:' || r.assignee_user_id
                   else '' end,
         r.key) is not null then
      v_sent := v_sent + 1;
    end if;
  end loop;
  return v_sent;
end
$$;
revoke execute on function app.send_kpi_target_warnings(date) from public;
grant execute on function app.send_kpi_target_warnings(date) to cc_worker;
