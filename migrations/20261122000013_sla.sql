-- TCK-4: SLA in business time. Business hours per weekday (Mon–Fri 08:00–17:00
-- Asia/Jakarta by default, editable), Indonesian national holidays and collective leave,
-- targets per ticket type × priority, the business-minute arithmetic, and the views the
-- report, the badges and the worker read.

create table sla_business_hours (
  isodow smallint primary key check (isodow between 1 and 7),
  opens_at time not null,
  closes_at time not null,
  constraint sla_business_hours_order check (closes_at > opens_at)
);
insert into sla_business_hours (isodow, opens_at, closes_at)
select d, '08:00', '17:00' from generate_series(1, 5) d;

-- National holidays (libur nasional) and collective leave (cuti bersama) of the SKB of
-- the three ministers. 2026: SKB No. 1497/2025, 2/2025, 5/2025. 2027: the fixed-date
-- holidays and those following the Gregorian Easter; the Islamic, Hindu, Buddhist and
-- Chinese dates and the collective leave of 2027 are added when their SKB is published.
create table holidays (
  day date primary key,
  name text not null,
  kind text not null check (kind in ('national', 'collective_leave'))
);
insert into holidays (day, name, kind) values
  ('2026-01-01', 'Tahun Baru 2026 Masehi', 'national'),
  ('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'national'),
  ('2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'collective_leave'),
  ('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'national'),
  ('2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'collective_leave'),
  ('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'national'),
  ('2026-03-20', 'Cuti bersama Idul Fitri 1447 H', 'collective_leave'),
  ('2026-03-21', 'Idul Fitri 1447 H', 'national'),
  ('2026-03-22', 'Idul Fitri 1447 H', 'national'),
  ('2026-03-23', 'Cuti bersama Idul Fitri 1447 H', 'collective_leave'),
  ('2026-03-24', 'Cuti bersama Idul Fitri 1447 H', 'collective_leave'),
  ('2026-04-03', 'Wafat Yesus Kristus', 'national'),
  ('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'national'),
  ('2026-05-01', 'Hari Buruh Internasional', 'national'),
  ('2026-05-14', 'Kenaikan Yesus Kristus', 'national'),
  ('2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'collective_leave'),
  ('2026-05-27', 'Idul Adha 1447 H', 'national'),
  ('2026-05-28', 'Cuti bersama Idul Adha 1447 H', 'collective_leave'),
  ('2026-05-31', 'Hari Raya Waisak 2570 BE', 'national'),
  ('2026-06-01', 'Hari Lahir Pancasila', 'national'),
  ('2026-06-16', 'Tahun Baru Islam 1448 H', 'national'),
  ('2026-08-17', 'Proklamasi Kemerdekaan', 'national'),
  ('2026-08-25', 'Maulid Nabi Muhammad SAW', 'national'),
  ('2026-12-24', 'Cuti bersama Kelahiran Yesus Kristus', 'collective_leave'),
  ('2026-12-25', 'Kelahiran Yesus Kristus', 'national'),
  ('2027-01-01', 'Tahun Baru 2027 Masehi', 'national'),
  ('2027-03-26', 'Wafat Yesus Kristus', 'national'),
  ('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'national'),
  ('2027-05-01', 'Hari Buruh Internasional', 'national'),
  ('2027-05-06', 'Kenaikan Yesus Kristus', 'national'),
  ('2027-06-01', 'Hari Lahir Pancasila', 'national'),
  ('2027-08-17', 'Proklamasi Kemerdekaan', 'national'),
  ('2027-12-25', 'Kelahiran Yesus Kristus', 'national');

-- Targets in business minutes per ticket type × priority.
create table sla_policies (
  ticket_type text not null
    check (ticket_type in ('inquiry_tariff', 'general_request', 'complaint', 'shipment_issue')),
  priority text not null check (priority in ('low', 'medium', 'high', 'urgent')),
  first_response_minutes integer not null check (first_response_minutes > 0),
  resolution_minutes integer not null check (resolution_minutes > 0),
  constraint sla_policies_pkey primary key (ticket_type, priority),
  constraint sla_policies_order check (resolution_minutes >= first_response_minutes)
);
-- A business day is 540 minutes (08:00–17:00).
insert into sla_policies (ticket_type, priority, first_response_minutes, resolution_minutes)
select t, p.priority, p.first_response, p.resolution + case when t = 'inquiry_tariff' then 540 else 0 end
  from unnest(array['inquiry_tariff', 'general_request', 'complaint', 'shipment_issue']) t,
       (values ('urgent', 30, 240), ('high', 60, 540), ('medium', 240, 1620), ('low', 540, 2700))
         as p(priority, first_response, resolution);

alter table sla_business_hours enable row level security;
alter table holidays enable row level security;
alter table sla_policies enable row level security;
grant select on sla_business_hours, holidays, sla_policies to cc_staff, cc_worker;
create policy sla_business_hours_read on sla_business_hours for select to cc_staff, cc_worker
  using (true);
create policy holidays_read on holidays for select to cc_staff, cc_worker using (true);
create policy sla_policies_read on sla_policies for select to cc_staff, cc_worker using (true);
grant insert, update, delete on sla_business_hours, holidays, sla_policies to cc_super_admin;
create policy sla_business_hours_admin on sla_business_hours for all to cc_super_admin
  using (true) with check (true);
create policy holidays_admin on holidays for all to cc_super_admin using (true) with check (true);
create policy sla_policies_admin on sla_policies for all to cc_super_admin
  using (true) with check (true);
grant update (first_response_minutes, resolution_minutes) on sla_policies to cc_cs_admin;
create policy sla_policies_cs_admin on sla_policies for update to cc_cs_admin
  using (true) with check (true);

-- ---------------------------------------------------------------------------------------
-- Business minutes between two instants: the overlap of [p_from, p_to) with the business
-- hours of each working day (Asia/Jakarta), holidays and collective leave excluded.
create function app.business_minutes(p_from timestamptz, p_to timestamptz) returns integer
  language sql stable parallel safe
  set search_path = pg_catalog, public
  as $$
    select floor(coalesce(sum(greatest(0, extract(epoch from
             least(p_to, (dd.d + h.closes_at) at time zone 'Asia/Jakarta')
             - greatest(p_from, (dd.d + h.opens_at) at time zone 'Asia/Jakarta')))), 0) / 60)::integer
      from generate_series((p_from at time zone 'Asia/Jakarta')::date,
                           (p_to at time zone 'Asia/Jakarta')::date, interval '1 day') as g(day)
      cross join lateral (select g.day::date as d) dd
      join sla_business_hours h on h.isodow = extract(isodow from dd.d)
     where p_to > p_from
       and not exists (select 1 from holidays x where x.day = dd.d)
  $$;

-- Business minutes a ticket spent waiting on the customer (pending, on_hold) between its
-- opening and `p_until`: they do not count against the resolution target.
create function app.ticket_paused_minutes(p_ticket uuid, p_until timestamptz) returns integer
  language sql stable
  set search_path = pg_catalog, public
  as $$
    with changes as (
      select e.to_value as status, e.occurred_at as since,
             lead(e.occurred_at) over (order by e.occurred_at, e.id) as until
        from sla_events e
       where e.ticket_id = p_ticket and e.event_type in ('OPENED', 'STATUS_CHANGE'))
    select coalesce(sum(app.business_minutes(since, least(coalesce(until, p_until), p_until))), 0)::integer
      from changes
     where status in ('pending', 'on_hold') and since < p_until
  $$;

grant execute on function app.business_minutes(timestamptz, timestamptz),
  app.ticket_paused_minutes(uuid, timestamptz) to cc_staff, cc_worker;

-- First response per ticket (TCK-4), in business minutes. security_invoker: the caller's
-- ticket policies apply.
create view v_ticket_first_response with (security_invoker = true) as
  select t.id as ticket_id, t.ticket_code, t.ticket_type, t.priority, t.dept_target,
         t.created_at, fr.occurred_at as first_response_at,
         case when fr.occurred_at is not null
              then app.business_minutes(t.created_at, fr.occurred_at) end as first_response_minutes
    from tickets t
    left join sla_events fr on fr.ticket_id = t.id and fr.event_type = 'FIRST_RESPONSE';

-- The median first response per day of opening (Asia/Jakarta), over answered tickets.
create view v_ticket_first_response_median_daily with (security_invoker = true) as
  select (created_at at time zone 'Asia/Jakarta')::date as day,
         count(*) as tickets,
         count(first_response_at) as answered,
         percentile_cont(0.5) within group (order by first_response_minutes)
           filter (where first_response_minutes is not null) as median_first_response_minutes
    from v_ticket_first_response
   group by 1;

-- SLA state per ticket: met / breached / at_risk (≥ 80 % of the target used) / running.
create view v_ticket_sla with (security_invoker = true) as
  with base as (
    select t.id as ticket_id, t.ticket_code, t.ticket_type, t.priority, t.status, t.dept_target,
           t.assigned_to_user_id, t.created_at, t.closed_at,
           p.first_response_minutes as first_response_target,
           p.resolution_minutes as resolution_target,
           fr.occurred_at as first_response_at,
           app.business_minutes(t.created_at, coalesce(fr.occurred_at, now())) as first_response_used,
           app.business_minutes(t.created_at, coalesce(t.closed_at, now()))
             - app.ticket_paused_minutes(t.id, coalesce(t.closed_at, now())) as resolution_used
      from tickets t
      join sla_policies p on p.ticket_type = t.ticket_type and p.priority = t.priority
      left join sla_events fr on fr.ticket_id = t.id and fr.event_type = 'FIRST_RESPONSE')
  select b.*,
         case when b.first_response_used > b.first_response_target then 'breached'
              when b.first_response_at is not null then 'met'
              when b.first_response_used * 5 >= b.first_response_target * 4 then 'at_risk'
              else 'running' end as first_response_state,
         case when b.resolution_used > b.resolution_target then 'breached'
              when b.closed_at is not null then 'met'
              when b.status in ('pending', 'on_hold') then 'paused'
              when b.resolution_used * 5 >= b.resolution_target * 4 then 'at_risk'
              else 'running' end as resolution_state
    from base b;

grant select on v_ticket_first_response, v_ticket_first_response_median_daily, v_ticket_sla
  to cc_staff;

-- The worker's warning before a breach (TCK-4): each open ticket whose first response or
-- resolution has used 80 % of its target tells its assignee — or, unassigned, every
-- active CS admin — once per ticket, target and person. Returns how many were sent.
create function app.send_sla_warnings(p_batch integer) returns bigint
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    with risky as (
      select s.ticket_id, s.ticket_code, s.assigned_to_user_id,
             case when s.first_response_state = 'at_risk' then 'first_response'
                  else 'resolution' end as target
        from v_ticket_sla s
       where s.status <> 'closed'
         and (s.first_response_state = 'at_risk' or s.resolution_state = 'at_risk')
       order by s.created_at
       limit p_batch),
    recipients as (
      select r.*, coalesce(r.assigned_to_user_id, a.id) as user_id
        from risky r
        left join profiles a
          on r.assigned_to_user_id is null and a.role_name = 'cs_admin' and a.is_active)
    select count(app.notify_localized(
             user_id, 'sla_at_risk',
             'SLA hampir terlewati: ' || ticket_code,
             'SLA nearly breached: ' || ticket_code,
             case when target = 'first_response' then 'Belum ada respons pertama'
                  else 'Tiket belum selesai' end,
             case when target = 'first_response' then 'No first response yet'
                  else 'Not resolved yet' end,
             '/ticketing/tickets/' || ticket_id,
             'sla:' || ticket_id || ':' || target || ':' || user_id))
      from recipients
     where user_id is not null
  $$;
revoke execute on function app.send_sla_warnings(integer) from public;
grant execute on function app.send_sla_warnings(integer) to cc_worker;
