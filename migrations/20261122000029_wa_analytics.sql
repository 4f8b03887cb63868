-- WA-2, WA-3, WA-4: the CRM Effectiveness figures. Every figure of an hour is computed
-- by one function (`app.wa_window_metrics`) from the raw tables, attributed to the hour
-- its completing event happened (a first reply to the hour of the reply, a resolution to
-- the hour it was resolved, a message to the hour it was sent) and to an agent; the
-- worker stores them per hour (and day and week) in `analytics_snapshots`, re-running a
-- period replaces it, and the dashboards read the stored hours plus, computed on the fly,
-- the hour under way and every hour not stored yet — so a figure never waits for the
-- worker and never differs from the raw events.

create table wa_settings (
  id boolean primary key default true check (id),
  -- WA-3 SLA: the first reply of a person within this many business minutes
  first_response_minutes integer not null default 15 check (first_response_minutes > 0),
  -- time saved: the minutes a person would have spent on each bot reply
  minutes_saved_per_bot_reply numeric(6, 2) not null default 2 check (minutes_saved_per_bot_reply >= 0)
);
insert into wa_settings default values;

-- The price of a billable message per pricing category (IDR), for the cost per
-- conversation; `pricing` on a status says the category and whether it is billable.
create table wa_pricing_rates (
  category text primary key check (length(category) between 1 and 40),
  price_idr numeric(12, 2) not null check (price_idr >= 0)
);
insert into wa_pricing_rates (category, price_idr) values
  ('marketing', 586.33), ('utility', 356.65), ('authentication', 356.65),
  ('authentication_international', 2200.00), ('service', 0), ('referral_conversion', 0);

create table analytics_snapshots (
  granularity text not null check (granularity in ('hourly', 'daily', 'weekly')),
  -- the start of the hour, day or ISO week in Asia/Jakarta
  bucket_start timestamptz not null,
  -- the agent the figures belong to; the nil uuid for nobody's (bots, campaigns, queue);
  -- ffffffff-ffff-ffff-ffff-ffffffffffff for everybody's together
  agent_key uuid not null,
  metrics jsonb not null check (jsonb_typeof(metrics) = 'object'),
  computed_at timestamptz not null default now(),
  constraint analytics_snapshots_pkey primary key (granularity, bucket_start, agent_key)
);

alter table wa_settings enable row level security;
alter table wa_pricing_rates enable row level security;
alter table analytics_snapshots enable row level security;
grant select on wa_settings, wa_pricing_rates to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent;
grant update on wa_settings, wa_pricing_rates to cc_super_admin;
create policy wa_settings_read on wa_settings for select
  to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent using (true);
create policy wa_settings_admin on wa_settings for update to cc_super_admin using (true) with check (true);
create policy wa_pricing_rates_read on wa_pricing_rates for select
  to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent using (true);
create policy wa_pricing_rates_admin on wa_pricing_rates for update to cc_super_admin
  using (true) with check (true);
-- snapshots are read and written only through the functions below
grant select, insert, update, delete on analytics_snapshots to cc_worker;
create policy analytics_snapshots_worker on analytics_snapshots for all to cc_worker
  using (true) with check (true);

create index messages_sent_agent_idx on messages (sent_at) include (agent_user_id, sender_kind, status);
create index conversations_first_agent_idx on conversations (first_agent_reply_at)
  where first_agent_reply_at is not null;
create index conversations_first_bot_idx on conversations (first_bot_reply_at)
  where first_bot_reply_at is not null;
create index conversations_resolved_idx on conversations (resolved_at) where resolved_at is not null;
-- WA-3 agent productivity: an agent's last message (presence)
create index messages_agent_idx on messages (agent_user_id, sent_at desc) where agent_user_id is not null;
-- WA-1 linking: an unknown number's earlier lead, by phone (a million leads otherwise scanned)
create index leads_phone_idx on leads (phone) where deleted_at is null;

-- The figures of [p_from, p_to) per agent (nil uuid: nobody's). Counters are numbers,
-- distributions arrays of values (merged across hours by concatenation):
--   inbound, outbound_agent, outbound_bot, campaign_sent        messages sent in the window
--   out_sent, out_delivered, out_read, out_failed                outbound sent in the window by
--   campaign_delivered, campaign_failed, cost_cents              their status now; cost of the billable ones (IDR cents)
--   conv_opened, conv_returning                                  conversations opened (returning: the
--                                                                number had one before)
--   conv_resolved, conv_resolved_bot, conv_bot_only              resolved in the window (not by timeout);
--                                                                by the bot; without any agent reply
--   conv_with_bot, bot_response_s[]                              first bot reply in the window, seconds
--                                                                after the customer opened
--   first_responses, sla_met, escalated,                         first agent reply in the window: business
--   first_response_bm[], assignment_response_bm[]               minutes from the customer's opening and
--                                                                from the assignment; within the SLA; after a bot
--   wait_s[]                                                     first reply of anyone (bot or agent), seconds
--   leads_created                                                whatsapp leads created (nobody's)
-- A conversation's figures belong to the agent assigned to it; an agent's message to its
-- author; bot messages in a conversation to its agent; campaign messages to nobody.
create function app.wa_window_metrics(p_from timestamptz, p_to timestamptz)
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
               'bot_response_s', jsonb_agg(greatest(0, extract(epoch from first_bot_reply_at - opened_at))::bigint))
        from conv where first_bot_reply_at >= p_from and first_bot_reply_at < p_to group by agent
      union all
      select agent, jsonb_build_object(
               'first_responses', count(*),
               'sla_met', count(*) filter (where app.business_minutes(opened_at, first_agent_reply_at)
                                                 <= (select first_response_minutes from settings)),
               'escalated', count(*) filter (where first_bot_reply_at < first_agent_reply_at),
               'first_response_bm', jsonb_agg(app.business_minutes(opened_at, first_agent_reply_at)),
               'assignment_response_bm', coalesce(jsonb_agg(app.business_minutes(assigned_at, first_agent_reply_at))
                                                    filter (where assigned_at <= first_agent_reply_at), '[]'))
        from conv where first_agent_reply_at >= p_from and first_agent_reply_at < p_to group by agent
      union all
      select agent, jsonb_build_object(
               'wait_s', jsonb_agg(greatest(0, extract(epoch from
                   least(first_agent_reply_at, first_bot_reply_at) - opened_at))::bigint))
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

-- Stores the figures of the `p_granularity` bucket starting at `p_start` (replacing what
-- was there): one row per agent, and a row for nobody even when the bucket was quiet (so a
-- stored bucket is told from a missing one). Returns the rows written.
create function app.wa_store_bucket(p_granularity text, p_start timestamptz) returns integer
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_end timestamptz := p_start + case p_granularity when 'hourly' then interval '1 hour'
                                                     when 'daily' then interval '1 day'
                                                     else interval '7 days' end;
  v_rows integer;
begin
  delete from analytics_snapshots where granularity = p_granularity and bucket_start = p_start;
  insert into analytics_snapshots (granularity, bucket_start, agent_key, metrics)
  select p_granularity, p_start, w.agent_key, w.metrics from app.wa_window_metrics(p_start, v_end) w;
  get diagnostics v_rows = row_count;
  insert into analytics_snapshots (granularity, bucket_start, agent_key, metrics)
  values (p_granularity, p_start, '00000000-0000-0000-0000-000000000000', '{}')
  on conflict do nothing;
  -- everybody's figures in one row (the unscoped dashboards read one row per hour, not one
  -- per agent): counters summed, distributions concatenated
  insert into analytics_snapshots (granularity, bucket_start, agent_key, metrics)
  select p_granularity, p_start, 'ffffffff-ffff-ffff-ffff-ffffffffffff', coalesce(jsonb_object_agg(m.key, m.value), '{}')
    from (select e.key, to_jsonb(sum(e.value::text::numeric)) as value
            from analytics_snapshots s, jsonb_each(s.metrics) e
           where s.granularity = p_granularity and s.bucket_start = p_start
             and jsonb_typeof(e.value) = 'number'
           group by e.key
          union all
          select e.key, jsonb_agg(x.value)
            from analytics_snapshots s, jsonb_each(s.metrics) e,
                 jsonb_array_elements(case when jsonb_typeof(e.value) = 'array' then e.value else '[]' end) x
           where s.granularity = p_granularity and s.bucket_start = p_start
           group by e.key) m;
  return v_rows;
end
$$;

-- The hourly rows of [p_from, p_to) for `p_agents` (null: everybody's): stored hours as
-- stored (everybody's together unless `p_per_agent`), every other hour computed now, per
-- agent. A CS agent gets their own rows only.
create function app.wa_hourly_rows(p_from timestamptz, p_to timestamptz, p_agents uuid[],
                                   p_per_agent boolean)
  returns table (hour timestamptz, agent_key uuid, metrics jsonb)
  language plpgsql stable security definer
  set search_path = pg_catalog, public
  -- one-off plans over few rows: JIT compilation would cost more than the query
  set jit = off
  as $$
declare
  v_agents uuid[] := case when app.role() = 'cs_agent' then array[app.uid()] else p_agents end;
  v_hour timestamptz;
begin
  return query
    select s.bucket_start, s.agent_key, s.metrics from analytics_snapshots s
     where s.granularity = 'hourly' and s.bucket_start >= p_from and s.bucket_start < p_to
       and s.bucket_start < date_trunc('hour', now())
       and case when v_agents is not null then s.agent_key = any (v_agents)
                when p_per_agent then s.agent_key <> 'ffffffff-ffff-ffff-ffff-ffffffffffff'
                else s.agent_key = 'ffffffff-ffff-ffff-ffff-ffffffffffff' end;
  for v_hour in
    select g from generate_series(p_from, p_to - interval '1 hour', interval '1 hour') g
     where g >= date_trunc('hour', now())
        or not exists (select 1 from analytics_snapshots s
                        where s.granularity = 'hourly' and s.bucket_start = g)
  loop
    return query
      select v_hour, w.agent_key, w.metrics from app.wa_window_metrics(v_hour, v_hour + interval '1 hour') w
       where v_agents is null or w.agent_key = any (v_agents);
  end loop;
end
$$;

-- The figures of [p_from, p_to) grouped by `p_group`: `total`, `day` (Asia/Jakarta date),
-- `dow_hour` (ISO weekday and hour, Asia/Jakarta) or `agent`. Counters are summed;
-- each distribution becomes {n, avg, median, p90} (two decimals).
create function app.wa_rollup(p_from timestamptz, p_to timestamptz, p_agents uuid[], p_group text)
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
        from app.wa_hourly_rows(p_from, p_to, p_agents, p_group = 'agent') r
    ),
    counters as (
      select r.bucket, e.key, sum(e.value::text::numeric) as total
        from rows r, jsonb_each(r.metrics) e
       where jsonb_typeof(e.value) = 'number'
       group by r.bucket, e.key
    ),
    dists as (
      select r.bucket, e.key,
             jsonb_build_object('n', count(*),
                                'avg', round(avg(a.v::numeric), 2),
                                'median', round((percentile_cont(0.5) within group (order by a.v::float8))::numeric, 2),
                                'p90', round((percentile_cont(0.9) within group (order by a.v::float8))::numeric, 2)) as summary
        from rows r, jsonb_each(r.metrics) e,
             jsonb_array_elements_text(case when jsonb_typeof(e.value) = 'array' then e.value
                                            else '[]' end) a(v)
       group by r.bucket, e.key
    ),
    merged as (
      select bucket, key, to_jsonb(total) as value from counters
      union all
      select bucket, key, summary from dists
    )
    select b.bucket, coalesce((select jsonb_object_agg(m.key, m.value) from merged m where m.bucket = b.bucket), '{}')
      from (select distinct bucket from rows) b
  $$;

-- WA-2: the worker's and the cron endpoint's runs. `hourly` stores the last complete hour
-- and every hour of the last 35 days still missing (at most `p_limit`); `daily` stores
-- yesterday and re-stores the hours of the last 8 days (late statuses and retries change
-- them; the provider retries for up to 7) and reports how many stored figures changed
-- (the reconciliation with the raw events: after the run the difference is 0);
-- `weekly` stores the last complete ISO week. Returns {buckets, changed}.
create function app.wa_aggregate(p_type text, p_now timestamptz, p_limit integer) returns jsonb
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_hour timestamptz := date_trunc('hour', p_now at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta';
  v_day timestamptz := date_trunc('day', p_now at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta';
  v_week timestamptz := date_trunc('week', p_now at time zone 'Asia/Jakarta') at time zone 'Asia/Jakarta';
  v_start timestamptz;
  v_buckets integer := 0;
  v_changed integer := 0;
  v_before jsonb;
  v_after jsonb;
begin
  if p_type = 'hourly' then
    perform app.wa_store_bucket('hourly', v_hour - interval '1 hour');
    v_buckets := 1;
    for v_start in
      select g from generate_series(v_hour - interval '35 days', v_hour - interval '2 hours', interval '1 hour') g
       where not exists (select 1 from analytics_snapshots s where s.granularity = 'hourly' and s.bucket_start = g)
       order by g desc limit p_limit
    loop
      perform app.wa_store_bucket('hourly', v_start);
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
      v_buckets := v_buckets + 1;
    end loop;
    perform app.wa_store_bucket('daily', v_day - interval '1 day');
    v_buckets := v_buckets + 1;
  elsif p_type = 'weekly' then
    perform app.wa_store_bucket('weekly', v_week - interval '7 days');
    v_buckets := 1;
  else
    raise exception 'unknown aggregation type %', p_type using errcode = '22023';
  end if;
  return jsonb_build_object('buckets', v_buckets, 'changed', v_changed);
end
$$;

revoke execute on function
  app.wa_window_metrics(timestamptz, timestamptz),
  app.wa_store_bucket(text, timestamptz),
  app.wa_hourly_rows(timestamptz, timestamptz, uuid[], boolean),
  app.wa_rollup(timestamptz, timestamptz, uuid[], text),
  app.wa_aggregate(text, timestamptz, integer)
  from public;
grant execute on function app.wa_aggregate(text, timestamptz, integer) to cc_worker;
grant execute on function app.wa_rollup(timestamptz, timestamptz, uuid[], text)
  to cc_super_admin, cc_director, cc_cs_admin, cc_cs_agent;
