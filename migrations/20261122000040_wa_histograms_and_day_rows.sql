-- Issue #16 item 8: the CRM Effectiveness dashboards at 5 M messages. Three changes to the
-- snapshots of `…29_wa_analytics.sql`, none to the figures they serve:
--
-- * Distributions are stored as histograms {n, sum, h: {value: count}} instead of arrays of
--   every value. Values below 1024 (business minutes: 17 hours; seconds: 17 minutes) keep
--   a bucket each, so their median, p90 and average stay exact; larger values fall in 64
--   buckets per doubling (1024–2047 by 16, 2048–4095 by 32, …) and count as the bucket's
--   midpoint (within 0.8 %); the average is always exact (the sum is kept). Medians and
--   p90 are interpolated as `percentile_cont` does, from the counts.
-- * Days are stored per agent (and everybody's) merged from their stored hours, with the
--   hour they are complete up to (`covers_until`; null: the whole day). A period reads one
--   row per day (per agent) and only the hours no day covers.
-- * The hour under way may be stored so far (`covers_until` on an hourly row, by the
--   worker every minute): a period reads it plus the events after it, computed on the fly.

alter table analytics_snapshots add column covers_until timestamptz;
comment on column analytics_snapshots.covers_until is
  'A bucket stored in part: its figures cover [bucket_start, covers_until). Null: the whole bucket.';

-- The histogram bucket of a value: itself below 1024, else the midpoint of its bucket of
-- 64 per doubling.
create function app.wa_hist_key(p_value bigint) returns bigint
  language sql immutable strict parallel safe
  set search_path = pg_catalog, public
  as $$
    select case when p_value < 1024 then p_value
                else ((p_value >> s) << s) + (1::bigint << (s - 1)) end
      from (select 58 - position('1' in p_value::bit(64)::text) as s) b
  $$;

-- A distribution of values as stored: {n, sum, h: {bucket: count}}.
create function app.wa_hist(p_values bigint[]) returns jsonb
  language sql immutable parallel safe
  set search_path = pg_catalog, public
  as $$
    select jsonb_build_object('n', coalesce(sum(g.c), 0), 'sum', coalesce(sum(g.s), 0),
                              'h', coalesce(jsonb_object_agg(g.k, g.c), '{}'))
      from (select app.wa_hist_key(v) as k, count(*) as c, sum(v) as s
              from unnest(p_values) v where v is not null group by 1) g
  $$;

-- Stored figures merged per bucket: counters summed, histograms added up. Buckets whose
-- rows hold no figure are left out.
create function app.wa_merged(p_buckets text[], p_metrics jsonb[])
  returns table (bucket text, metrics jsonb)
  language sql immutable parallel safe
  set search_path = pg_catalog, public
  as $$
    with e as (
      select u.b, e.key, e.value
        from unnest(p_buckets, p_metrics) u(b, m), jsonb_each(u.m) e
    ),
    counters as (
      select e.b, e.key, to_jsonb(sum(e.value::text::numeric)) as value
        from e where jsonb_typeof(e.value) = 'number' group by 1, 2
    ),
    totals as (
      select e.b, e.key, sum((e.value ->> 'n')::bigint) as n, sum((e.value ->> 'sum')::numeric) as s
        from e where jsonb_typeof(e.value) = 'object' group by 1, 2
    ),
    counts as (
      select g.b, g.key, jsonb_object_agg(g.hk, g.c) as h
        from (select e.b, e.key, h.key as hk, sum(h.value::text::bigint) as c
                from e, jsonb_each(e.value -> 'h') h
               where jsonb_typeof(e.value) = 'object' group by 1, 2, 3) g
       group by 1, 2
    )
    select x.b, jsonb_object_agg(x.key, x.value)
      from (select c.b, c.key, c.value from counters c
            union all
            select t.b, t.key, jsonb_build_object('n', t.n, 'sum', t.s, 'h', coalesce(k.h, '{}'))
              from totals t left join counts k on k.b = t.b and k.key = t.key) x
     group by x.b
  $$;

-- The old array distributions become histograms (same values, so the same figures).
update analytics_snapshots s
   set metrics = (select jsonb_object_agg(e.key,
                           case when jsonb_typeof(e.value) = 'array'
                                then app.wa_hist(array(select x::bigint from jsonb_array_elements_text(e.value) x))
                                else e.value end)
                    from jsonb_each(s.metrics) e)
 where exists (select 1 from jsonb_each(s.metrics) e where jsonb_typeof(e.value) = 'array');

-- As in …29, with each distribution a histogram.
create or replace function app.wa_window_metrics(p_from timestamptz, p_to timestamptz)
  returns table (agent_key uuid, metrics jsonb)
  language sql stable security definer
  set search_path = pg_catalog, public
  -- one-off plans over few rows: JIT compilation would cost more than the query
  set jit = off
  as $$
    with settings as (select first_response_minutes from wa_settings),
    msg as (
      -- the conversation's agent looked up per message (a join would scan every conversation)
      select coalesce(case when m.sender_kind = 'agent' then m.agent_user_id
                           else (select c.assigned_to_user_id from conversations c
                                  where c.id = m.conversation_id) end,
                      '00000000-0000-0000-0000-000000000000'::uuid) as agent,
             m.direction, m.sender_kind, m.campaign_id is not null as campaign, m.status,
             case when (m.pricing ->> 'billable')::boolean then r.price_idr else 0 end as cost
        from messages m
        left join wa_pricing_rates r on r.category = m.pricing ->> 'category'
       where m.sent_at >= p_from and m.sent_at < p_to
    ),
    conv as (
      -- four index ranges (an OR of them would scan every conversation)
      select c.*, coalesce(c.assigned_to_user_id, '00000000-0000-0000-0000-000000000000'::uuid) as agent
        from (select x.id from conversations x where x.opened_at >= p_from and x.opened_at < p_to
              union select x.id from conversations x where x.resolved_at >= p_from and x.resolved_at < p_to
              union select x.id from conversations x
                     where x.first_agent_reply_at >= p_from and x.first_agent_reply_at < p_to
              union select x.id from conversations x
                     where x.first_bot_reply_at >= p_from and x.first_bot_reply_at < p_to) ids,
             lateral (select * from conversations y where y.id = ids.id limit 1) c
    ),
    pieces as (
      select agent, jsonb_build_object(
               'inbound', count(*) filter (where direction = 'inbound'),
               'outbound_agent', count(*) filter (where sender_kind = 'agent'),
               'outbound_bot', count(*) filter (where sender_kind = 'bot' and not campaign),
               'campaign_sent', count(*) filter (where campaign),
               'out_sent', count(*) filter (where direction = 'outbound'),
               'out_delivered', count(*) filter (where status in ('delivered', 'read')),
               'out_read', count(*) filter (where status = 'read'),
               'out_failed', count(*) filter (where status = 'failed'),
               'campaign_delivered', count(*) filter (where campaign and status in ('delivered', 'read')),
               'campaign_failed', count(*) filter (where campaign and status = 'failed'),
               'cost_cents', coalesce(sum(cost * 100), 0)::bigint) as obj
        from msg group by agent
      union all
      select agent, jsonb_build_object(
               'conv_opened', count(*),
               'conv_returning', count(*) filter (where exists (
                   select 1 from conversations p
                    where p.customer_phone = conv.customer_phone and p.opened_at < conv.opened_at)))
        from conv where opened_at >= p_from and opened_at < p_to group by agent
      union all
      select agent, jsonb_build_object(
               'conv_resolved', count(*),
               'conv_resolved_bot', count(*) filter (where resolved_by = 'bot'),
               'conv_bot_only', count(*) filter (where first_agent_reply_at is null))
        from conv where resolved_at >= p_from and resolved_at < p_to and resolved_by <> 'timeout'
       group by agent
      union all
      select agent, jsonb_build_object(
               'conv_with_bot', count(*),
               'bot_response_s', app.wa_hist(array_agg(greatest(0, extract(epoch from first_bot_reply_at - opened_at))::bigint)))
        from conv where first_bot_reply_at >= p_from and first_bot_reply_at < p_to group by agent
      union all
      select agent, jsonb_build_object(
               'first_responses', count(*),
               'sla_met', count(*) filter (where app.business_minutes(opened_at, first_agent_reply_at)
                                                 <= (select first_response_minutes from settings)),
               'escalated', count(*) filter (where first_bot_reply_at < first_agent_reply_at),
               'first_response_bm', app.wa_hist(array_agg(app.business_minutes(opened_at, first_agent_reply_at)::bigint)),
               'assignment_response_bm', app.wa_hist(array_agg(app.business_minutes(assigned_at, first_agent_reply_at)::bigint)
                                                       filter (where assigned_at <= first_agent_reply_at)))
        from conv where first_agent_reply_at >= p_from and first_agent_reply_at < p_to group by agent
      union all
      select agent, jsonb_build_object(
               'wait_s', app.wa_hist(array_agg(greatest(0, extract(epoch from
                   least(first_agent_reply_at, first_bot_reply_at) - opened_at))::bigint)))
        from conv
       where least(first_agent_reply_at, first_bot_reply_at) >= p_from
         and least(first_agent_reply_at, first_bot_reply_at) < p_to
       group by agent
      union all
      select '00000000-0000-0000-0000-000000000000'::uuid, jsonb_build_object('leads_created', count(*))
        from leads l where l.channel = 'whatsapp' and l.created_at >= p_from and l.created_at < p_to
       having count(*) > 0
    )
    select p.agent, jsonb_object_agg(e.key, e.value)
      from pieces p, jsonb_each(p.obj) e
     group by p.agent
  $$;

-- Stores the figures of [p_start, p_end) as the `p_granularity` bucket starting at
-- `p_start` (replacing what was there), complete (`p_part` false) or up to `p_end`: one
-- row per agent, a row for nobody even when quiet (so a stored bucket is told from a
-- missing one) and everybody's together. Returns the agents' rows written.
create function app.wa_store_window(p_granularity text, p_start timestamptz, p_end timestamptz,
                                    p_part boolean) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_covers timestamptz := case when p_part then p_end end;
  v_rows integer;
begin
  delete from analytics_snapshots where granularity = p_granularity and bucket_start = p_start;
  insert into analytics_snapshots (granularity, bucket_start, agent_key, metrics, covers_until)
  select p_granularity, p_start, w.agent_key, w.metrics, v_covers from app.wa_window_metrics(p_start, p_end) w;
  get diagnostics v_rows = row_count;
  insert into analytics_snapshots (granularity, bucket_start, agent_key, metrics, covers_until)
  values (p_granularity, p_start, '00000000-0000-0000-0000-000000000000', '{}', v_covers)
  on conflict do nothing;
  insert into analytics_snapshots (granularity, bucket_start, agent_key, metrics, covers_until)
  select p_granularity, p_start, 'ffffffff-ffff-ffff-ffff-ffffffffffff',
         coalesce((select m.metrics from app.wa_merged(a.b, a.m) m), '{}'), v_covers
    from (select array_agg(''::text) as b, array_agg(s.metrics) as m from analytics_snapshots s
           where s.granularity = p_granularity and s.bucket_start = p_start) a;
  return v_rows;
end
$$;

create or replace function app.wa_store_bucket(p_granularity text, p_start timestamptz) returns integer
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    select app.wa_store_window(p_granularity, p_start,
                               p_start + case p_granularity when 'hourly' then interval '1 hour'
                                                            when 'daily' then interval '1 day'
                                                            else interval '7 days' end,
                               false)
  $$;

-- The hour under way (of `p_now`) as it stands: stored up to `p_now`. The worker's run of
-- every minute; the dashboards add what happened after.
create function app.wa_store_hour_so_far(p_now timestamptz) returns integer
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    select app.wa_store_window('hourly', date_trunc('hour', p_now), p_now, true)
  $$;

-- Stores the Asia/Jakarta day starting at `p_day` per agent and everybody's, merged from
-- its stored hours: the whole day once all 24 are stored, else up to the first hour not
-- stored (nothing when that is the first). Returns the hours it covers.
create function app.wa_store_day(p_day timestamptz) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_end timestamptz := p_day + interval '1 day';
  v_until timestamptz;
begin
  select coalesce(min(g), v_end) into v_until
    from generate_series(p_day, v_end - interval '1 hour', interval '1 hour') g
   where not exists (select 1 from analytics_snapshots s
                      where s.granularity = 'hourly' and s.bucket_start = g
                        and s.agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff' and s.covers_until is null);
  delete from analytics_snapshots where granularity = 'daily' and bucket_start = p_day;
  if v_until = p_day then
    return 0;
  end if;
  insert into analytics_snapshots (granularity, bucket_start, agent_key, metrics, covers_until)
  select 'daily', p_day, m.bucket::uuid, m.metrics, case when v_until < v_end then v_until end
    from (select array_agg(s.agent_key::text) as b, array_agg(s.metrics) as m
            from analytics_snapshots s
           where s.granularity = 'hourly' and s.bucket_start >= p_day and s.bucket_start < v_until) a,
         app.wa_merged(a.b, a.m) m;
  insert into analytics_snapshots (granularity, bucket_start, agent_key, metrics, covers_until)
  values ('daily', p_day, 'ffffffff-ffff-ffff-ffff-ffffffffffff', '{}', case when v_until < v_end then v_until end)
  on conflict do nothing;
  return extract(epoch from v_until - p_day)::integer / 3600;
end
$$;

-- The rows of [p_from, p_to) for `p_agents` (null: everybody's): with `p_days`, the stored
-- days inside the period (as far as they cover); then the stored hours no day covers; then,
-- computed now, every other hour (after the part of it stored, if any). Everybody's rows
-- together unless `p_per_agent`; a CS agent gets their own rows only. `hour` is the row's
-- start.
create function app.wa_period_rows(p_from timestamptz, p_to timestamptz, p_agents uuid[],
                                   p_per_agent boolean, p_days boolean)
  returns table (hour timestamptz, agent_key uuid, metrics jsonb)
  language plpgsql stable security definer
  set search_path = pg_catalog, public
  -- one-off plans over few rows: JIT compilation would cost more than the query
  set jit = off
  as $$
declare
  v_agents uuid[] := case when app.role() = 'cs_agent' then array[app.uid()] else p_agents end;
  v_now timestamptz := date_trunc('hour', now());
  v_days timestamptz[] := '{}';
  v_cover tstzmultirange := '{}';
  v_hour timestamptz;
  v_part timestamptz;
begin
  if p_days then
    select coalesce(array_agg(s.bucket_start), '{}'),
           coalesce(range_agg(tstzrange(s.bucket_start, coalesce(s.covers_until, s.bucket_start + interval '1 day'))), '{}')
      into v_days, v_cover
      from analytics_snapshots s
     where s.granularity = 'daily' and s.agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff'
       and s.bucket_start >= p_from and s.bucket_start + interval '1 day' <= p_to
       and coalesce(s.covers_until, s.bucket_start + interval '1 day') <= v_now;
    return query
      select s.bucket_start, s.agent_key, s.metrics from analytics_snapshots s
       where s.granularity = 'daily' and s.bucket_start = any (v_days)
         and case when v_agents is not null then s.agent_key = any (v_agents)
                  when p_per_agent then s.agent_key <> 'ffffffff-ffff-ffff-ffff-ffffffffffff'
                  else s.agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff' end;
  end if;
  return query
    select s.bucket_start, s.agent_key, s.metrics from analytics_snapshots s
     where s.granularity = 'hourly' and s.bucket_start >= p_from and s.bucket_start < p_to
       and s.bucket_start < v_now and s.covers_until is null and not v_cover @> s.bucket_start
       and case when v_agents is not null then s.agent_key = any (v_agents)
                when p_per_agent then s.agent_key <> 'ffffffff-ffff-ffff-ffff-ffffffffffff'
                else s.agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff' end;
  for v_hour, v_part in
    select g, s.covers_until
      from generate_series(p_from, p_to - interval '1 hour', interval '1 hour') g
      left join analytics_snapshots s
        on s.granularity = 'hourly' and s.bucket_start = g
       and s.agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff'
     where not v_cover @> g
       and (g >= v_now or s.bucket_start is null or s.covers_until is not null)
  loop
    if v_part is not null then
      return query
        select s.bucket_start, s.agent_key, s.metrics from analytics_snapshots s
         where s.granularity = 'hourly' and s.bucket_start = v_hour
           and case when v_agents is not null then s.agent_key = any (v_agents)
                    when p_per_agent then s.agent_key <> 'ffffffff-ffff-ffff-ffff-ffffffffffff'
                    else s.agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff' end;
    end if;
    return query
      select v_hour, w.agent_key, w.metrics
        from app.wa_window_metrics(coalesce(v_part, v_hour), v_hour + interval '1 hour') w
       where v_agents is null or w.agent_key = any (v_agents);
  end loop;
end
$$;

-- As in …29 (grouped by `total`, `day`, `dow_hour` or `agent`; counters summed, each
-- distribution as {n, avg, median, p90} with two decimals), from the merged histograms.
create or replace function app.wa_rollup(p_from timestamptz, p_to timestamptz, p_agents uuid[], p_group text)
  returns table (bucket text, metrics jsonb)
  language sql stable security definer
  set search_path = pg_catalog, public
  -- one-off plans over few rows: JIT compilation would cost more than the query
  set jit = off
  as $$
    with rows as (
      select case p_group
               when 'day' then ((r.hour at time zone 'Asia/Jakarta')::date)::text
               when 'dow_hour' then extract(isodow from r.hour at time zone 'Asia/Jakarta')::text || ':'
                                    || extract(hour from r.hour at time zone 'Asia/Jakarta')::text
               when 'agent' then r.agent_key::text
               else 'total' end as bucket,
             r.metrics
        from app.wa_period_rows(p_from, p_to, p_agents, p_group = 'agent', p_group <> 'dow_hour') r
    ),
    merged as (
      select m.bucket, m.metrics
        from (select array_agg(r.bucket) as b, array_agg(r.metrics) as m from rows r) a,
             app.wa_merged(a.b, a.m) m
    ),
    parts as (
      select m.bucket, e.key, e.value from merged m, jsonb_each(m.metrics) e
    ),
    dists as (
      select p.bucket, p.key, (p.value ->> 'n')::bigint as n, (p.value ->> 'sum')::numeric as s, p.value -> 'h' as h
        from parts p where jsonb_typeof(p.value) = 'object' and (p.value ->> 'n')::bigint > 0
    ),
    ranked as (
      -- each bucket holds the sorted values of indexes [first, next)
      select d.bucket, d.key, h.key::float8 as v,
             sum(h.value::text::bigint) over w - h.value::text::bigint as first,
             sum(h.value::text::bigint) over w as next
        from dists d, jsonb_each(d.h) h
      window w as (partition by d.bucket, d.key order by h.key::float8)
    ),
    wanted as (
      -- percentile_cont: the values at floor and ceil of q × (n − 1), interpolated
      select d.bucket, d.key, d.n, d.s,
             0.5::float8 * (d.n - 1) as pos5, floor(0.5::float8 * (d.n - 1)) as lo5, ceil(0.5::float8 * (d.n - 1)) as hi5,
             0.9::float8 * (d.n - 1) as pos9, floor(0.9::float8 * (d.n - 1)) as lo9, ceil(0.9::float8 * (d.n - 1)) as hi9
        from dists d
    ),
    pct as (
      select w.*,
             max(r.v) filter (where r.first <= w.lo5 and w.lo5 < r.next) as a5,
             max(r.v) filter (where r.first <= w.hi5 and w.hi5 < r.next) as b5,
             max(r.v) filter (where r.first <= w.lo9 and w.lo9 < r.next) as a9,
             max(r.v) filter (where r.first <= w.hi9 and w.hi9 < r.next) as b9
        from wanted w join ranked r on r.bucket = w.bucket and r.key = w.key
       group by w.bucket, w.key, w.n, w.s, w.pos5, w.lo5, w.hi5, w.pos9, w.lo9, w.hi9
    ),
    figures as (
      select p.bucket, p.key, p.value from parts p where jsonb_typeof(p.value) = 'number'
      union all
      select p.bucket, p.key,
             jsonb_build_object('n', p.n, 'avg', round(p.s / p.n, 2),
                                'median', round((case when p.lo5 = p.hi5 then p.a5
                                                      else p.a5 + (p.pos5 - p.lo5) * (p.b5 - p.a5) end)::numeric, 2),
                                'p90', round((case when p.lo9 = p.hi9 then p.a9
                                                   else p.a9 + (p.pos9 - p.lo9) * (p.b9 - p.a9) end)::numeric, 2))
        from pct p
    )
    select b.bucket, coalesce(f.metrics, '{}')
      from (select distinct r.bucket from rows r) b
      left join (select f.bucket, jsonb_object_agg(f.key, f.value) as metrics from figures f group by f.bucket) f
        on f.bucket = b.bucket
  $$;

drop function app.wa_hourly_rows(timestamptz, timestamptz, uuid[], boolean);

-- As in …29; the hourly and daily runs also store the days of the hours they stored
-- (merged from them), and a stored hour is a complete one.
create or replace function app.wa_aggregate(p_type text, p_now timestamptz, p_limit integer) returns jsonb
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_hour timestamptz := date_trunc('hour', p_now at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta';
  v_day timestamptz := date_trunc('day', p_now at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta';
  v_week timestamptz := date_trunc('week', p_now at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta';
  v_start timestamptz;
  v_hours timestamptz[] := '{}';
  v_buckets integer := 0;
  v_changed integer := 0;
  v_before jsonb;
  v_after jsonb;
begin
  if p_type = 'hourly' then
    perform app.wa_store_bucket('hourly', v_hour - interval '1 hour');
    v_hours := array[v_hour - interval '1 hour'];
    v_buckets := 1;
    for v_start in
      select g from generate_series(v_hour - interval '35 days', v_hour - interval '2 hours', interval '1 hour') g
       where not exists (select 1 from analytics_snapshots s
                          where s.granularity = 'hourly' and s.bucket_start = g and s.covers_until is null)
       order by g desc limit p_limit
    loop
      perform app.wa_store_bucket('hourly', v_start);
      v_hours := v_hours || v_start;
      v_buckets := v_buckets + 1;
    end loop;
  elsif p_type = 'daily' then
    for v_start in
      select g from generate_series(v_day - interval '8 days', v_hour - interval '1 hour', interval '1 hour') g
    loop
      select jsonb_object_agg(agent_key, metrics) into v_before from analytics_snapshots
       where granularity = 'hourly' and bucket_start = v_start;
      perform app.wa_store_bucket('hourly', v_start);
      select jsonb_object_agg(agent_key, metrics) into v_after from analytics_snapshots
       where granularity = 'hourly' and bucket_start = v_start;
      if v_before is not null and v_before is distinct from v_after then
        v_changed := v_changed + 1;
      end if;
      v_hours := v_hours || v_start;
      v_buckets := v_buckets + 1;
    end loop;
    -- yesterday (complete) counts as the stored day bucket, as before
    v_buckets := v_buckets + 1;
  elsif p_type = 'weekly' then
    perform app.wa_store_bucket('weekly', v_week - interval '7 days');
    v_buckets := 1;
  else
    raise exception 'unknown aggregation type %', p_type using errcode = '22023';
  end if;
  perform app.wa_store_day(d)
     from (select distinct date_trunc('day', h at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta' as d
             from unnest(v_hours) h) days;
  return jsonb_build_object('buckets', v_buckets, 'changed', v_changed);
end
$$;

-- Day rows as the hours stored so far say (earlier ones were computed once, from the raw
-- events of the day before the daily run).
delete from analytics_snapshots where granularity = 'daily';
select app.wa_store_day(d)
  from (select distinct date_trunc('day', bucket_start at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta' as d
          from analytics_snapshots where granularity = 'hourly') days;

revoke execute on function
  app.wa_hist_key(bigint),
  app.wa_hist(bigint[]),
  app.wa_merged(text[], jsonb[]),
  app.wa_store_window(text, timestamptz, timestamptz, boolean),
  app.wa_store_hour_so_far(timestamptz),
  app.wa_store_day(timestamptz),
  app.wa_period_rows(timestamptz, timestamptz, uuid[], boolean, boolean)
  from public;
grant execute on function app.wa_store_hour_so_far(timestamptz) to cc_worker;
