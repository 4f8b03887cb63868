-- KPI registry over all periods at once (issue #14 item 7). A scorecard asks for 6
-- periods (its period and the trend months) of up to 25 metrics. `app.kpi_actual` was
-- called once per metric and period, and each call paid the scope of the assignee, the
-- metric's definition and privilege check, the row-level-security init plans and, for
-- money, the credit of the assignee's customers again. `app.kpi_actuals` computes one
-- metric over every period in one statement (each period in a lateral subquery, which
-- keeps the rows and NA of a single period exactly): those fixed costs are paid once per
-- metric. `app.kpi_actual` is now the one-period case of it, so the rules live in one
-- place.

-- The periods [p_from[i], p_to[i]] (Asia/Jakarta days) numbered from 1, with their
-- instants [t0, t1), the day balances are read at (v_end: the period's end, or today while
-- it runs), the first of the 30 days up to it (v_end30), the day before the period
-- (d_before) and the first day any invoice of the period's AR figures is dated (d_read).
-- PL/pgSQL, so that the planner sees plain columns: `changed_at < p.t1` is then a
-- leakproof comparison and an index condition under row-level security, where an inlined
-- `(d1 + 1)::timestamp at time zone …` is a filter evaluated after the policy on each row.
create or replace function app.kpi_periods(p_from date[], p_to date[])
  returns table (n bigint, d0 date, d1 date, t0 timestamptz, t1 timestamptz, v_end date,
                 v_end30 date, d_before date, d_read date)
  language plpgsql stable
  as $$
  begin
    return query
      select q.n, q.d0, q.d1, q.d0::timestamp at time zone 'Asia/Jakarta',
             (q.d1 + 1)::timestamp at time zone 'Asia/Jakarta', e.v_end, e.v_end - 29, q.d0 - 1,
             least(q.d0, e.v_end - 29)
        from unnest(p_from, p_to) with ordinality as q (d0, d1, n)
        cross join lateral (select least(q.d1, app.ar_today()) as v_end) e;
  end
  $$;
grant execute on function app.kpi_periods(date[], date[]) to cc_staff;

-- The metrics of `p_group` asked for in `p_metrics` and active, each once.
create or replace function app.kpi_active_of(p_metrics text[], p_group text[]) returns text[]
  language sql stable
  as $$
    select coalesce(array_agg(d.metric_key order by d.metric_key), '{}')
      from public.kpi_metric_definitions d
     where d.metric_key = any (p_group) and d.metric_key = any (p_metrics) and d.is_active
  $$;
grant execute on function app.kpi_active_of(text[], text[]) to cc_staff;

-- Every actual of each metric of `p_metrics` for an assignee over each period
-- [p_from[n], p_to[n]], as rows (metric, n, bucket, value) with the semantics of
-- `app.kpi_actual` per metric and period: no row = NA, bucket NULL = the actual, other
-- buckets = the breakdown. SECURITY INVOKER: the caller's row-level security applies.
create or replace function app.kpi_actuals(p_metrics text[], p_kind text, p_user uuid, p_dept text,
                                p_from date[], p_to date[])
  returns table (metric_key text, n bigint, bucket text, value numeric)
  language plpgsql stable
  as $$
  #variable_conflict use_column
  declare
    v_owners uuid[] := coalesce(app.kpi_scope_owners(p_kind, p_user, p_dept), '{}'::uuid[]);
    v_metric text;
    v_all boolean;
    v_def record;
    -- Metrics already answered by the statement of a sibling.
    v_done text[] := '{}';
    -- The active metrics of a group of siblings that were asked for.
    v_keys text[];
    v_end_needed boolean;
    v_rate_needed boolean;
  begin
    foreach v_metric in array p_metrics loop
      select d.source, d.aggregation, d.dept into v_def
        from public.kpi_metric_definitions d where d.metric_key = v_metric and d.is_active;
      if not found then
        continue;
      end if;
      -- Finance owns the whole book: its department's finance figures are the company's.
      v_all := p_kind = 'company' or (p_kind = 'dept' and p_dept = 'FIN' and v_def.dept = 'FIN');
      if v_def.source <> 'AUTO' then
        -- Entries of the assignee and of the assignees inside it.
        return query
          select v_metric, p.n, null::text, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select case v_def.aggregation
                       when 'avg' then round(avg(e.value), 2)
                       when 'last' then (array_agg(e.value order by e.entry_date desc, e.created_at desc))[1]
                       else sum(e.value) end as value
                from public.kpi_entries e
               where e.metric_key = v_metric and e.entry_date between p.d0 and p.d1
                 and (v_all
                      or (e.assignee_kind = 'user' and e.assignee_user_id = any (v_owners))
                      or (p_kind = 'team' and e.assignee_kind = 'team' and e.assignee_user_id = p_user)
                      or (p_kind = 'dept' and e.assignee_kind = 'dept' and e.assignee_dept = p_dept)
                      or (p_kind = 'dept' and e.assignee_kind = 'team' and e.assignee_user_id = any (v_owners)))
              having count(*) > 0) x;
        continue;
      end if;

      -- A metric over tables the caller may not read at all is NA for them (a sales manager
      -- shown a marketing target of a team member), not an error for the whole scorecard.
      if not (select coalesce(bool_and(has_any_column_privilege(t, 'select')), true)
                from unnest(case
                  when v_metric in ('marketing_spend', 'cost_per_lead') then array['public.marketing_spend']
                  when v_metric = 'marketing_events' then array['public.marketing_activity_events']
                  when v_metric in ('leads_total', 'leads_by_channel', 'lead_conversion_rate') then array['public.leads']
                  when v_metric in ('sales_activities', 'visits') then array['public.sales_activities']
                  when v_metric in ('pipeline_value', 'weighted_forecast', 'deals_won', 'win_rate')
                    then array['public.prospects', 'public.prospect_stage_history']
                  when v_metric in ('revenue_invoiced') then array['public.invoices']
                  when v_metric in ('payments_collected', 'ar_overdue_amount', 'dso_rolling_30', 'collection_rate')
                    then array['public.invoices', 'public.payments', 'public.payment_allocations']
                  when v_metric in ('ticket_first_response_median', 'sla_compliance', 'tickets_resolved')
                    then array['public.tickets']
                  else array[]::text[] end) as t) then
        continue;
      end if;

      case v_metric
      when 'leads_total' then
        return query
          select v_metric, p.n, null::text, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select count(*)::numeric as value from public.leads l
               where l.deleted_at is null and l.created_at >= p.t0 and l.created_at < p.t1
                 and (v_all or coalesce(l.marketing_owner_user_id, l.created_by) = any (v_owners))) x;
      when 'leads_by_channel' then
        -- The total (bucket NULL) and one row per channel with leads.
        return query
          select v_metric, p.n, x.channel, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select l.channel, count(*)::numeric as value from public.leads l
               where l.deleted_at is null and l.created_at >= p.t0 and l.created_at < p.t1
                 and (v_all or coalesce(l.marketing_owner_user_id, l.created_by) = any (v_owners))
               group by rollup (l.channel)) x;
      when 'marketing_spend' then
        return query
          select v_metric, p.n, null::text, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select coalesce(sum(s.amount), 0.00) as value from public.marketing_spend s
               where s.spend_date between p.d0 and p.d1 and (v_all or s.created_by = any (v_owners))) x;
      when 'cost_per_lead' then
        return query
          select v_metric, p.n, null::text,
                 round((select coalesce(sum(s.amount), 0.00) from public.marketing_spend s
                         where s.spend_date between p.d0 and p.d1
                           and (v_all or s.created_by = any (v_owners)))
                       / nullif((select count(*) from public.leads l
                                   join public.channels ch on ch.code = l.channel and ch.source_group = 'ads'
                                  where l.deleted_at is null and l.created_at >= p.t0 and l.created_at < p.t1
                                    and (v_all or coalesce(l.marketing_owner_user_id, l.created_by) = any (v_owners))), 0),
                       2)
            from app.kpi_periods(p_from, p_to) p;
      when 'marketing_events' then
        return query
          select v_metric, p.n, null::text, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select count(*)::numeric as value from public.marketing_activity_events m
               where m.event_date between p.d0 and p.d1 and (v_all or m.created_by = any (v_owners))) x;
      when 'lead_conversion_rate' then
        return query
          select v_metric, p.n, null::text, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select round(100.0 * count(*) filter (where r.stage = 'won') / nullif(count(*), 0), 2) as value
                from public.leads l join public.prospects r on r.id = l.prospect_id
               where l.deleted_at is null and l.created_at >= p.t0 and l.created_at < p.t1
                 and (v_all or coalesce(l.marketing_owner_user_id, l.created_by) = any (v_owners))) x;
      when 'new_customers' then
        return query
          select v_metric, p.n, null::text, app.kpi_new_customers(v_all, v_owners, p.t0, p.t1)
            from app.kpi_periods(p_from, p_to) p;
      when 'sales_activities' then
        return query
          select v_metric, p.n, null::text, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select count(*)::numeric as value from public.sales_activities a
               where a.deleted_at is null and a.activity_type <> 'system' and a.scheduled_at is null
                 and a.occurred_at >= p.t0 and a.occurred_at < p.t1
                 and (v_all or a.owner_user_id = any (v_owners))) x;
      when 'visits' then
        return query
          select v_metric, p.n, null::text, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select count(*)::numeric as value from public.sales_activities a
               where a.deleted_at is null and a.activity_type = 'visit' and a.evidence_file_id is not null
                 and a.occurred_at >= p.t0 and a.occurred_at < p.t1
                 and (v_all or a.owner_user_id = any (v_owners))) x;
      when 'pipeline_value', 'weighted_forecast' then
        -- Both metrics sum the same prospects: one statement answers each of them asked for.
        -- The stage each prospect had at the end of the period is its last change before
        -- t1. While a period runs that is the stage it has now (every change is in the
        -- history, none dated after now): no history lookup per prospect.
        if v_metric = any (v_done) then
          continue;
        end if;
        v_done := v_done || array['pipeline_value', 'weighted_forecast'];
        v_keys := app.kpi_active_of(p_metrics, array['pipeline_value', 'weighted_forecast']);
        -- The sums of each period once (materialized), then a row per metric asked for.
        return query
          with v as materialized (
            select p.n, x.pipeline, x.weighted
              from app.kpi_periods(p_from, p_to) p
              cross join lateral (
              select sum(y.pipeline) as pipeline, sum(y.weighted) as weighted
                from (select coalesce(round(sum(r.expected_value), 2), 0.00) as pipeline,
                             coalesce(round(sum(r.expected_value * st.probability / 100), 2), 0.00) as weighted
                        from public.prospects r
                        join public.pipeline_stages st on st.code = r.stage
                       where p.t1 > now() and r.deleted_at is null and not st.is_closed
                         and (v_all or r.owner_user_id = any (v_owners))
                      union all
                      select coalesce(round(sum(r.expected_value), 2), 0.00),
                             coalesce(round(sum(r.expected_value * st.probability / 100), 2), 0.00)
                        from public.prospects r
                        left join lateral (
                          select h.to_stage from public.prospect_stage_history h
                           where h.prospect_id = r.id and h.changed_at < p.t1
                           order by h.changed_at desc, h.id desc limit 1) s on true
                        join public.pipeline_stages st on st.code = coalesce(s.to_stage, 'new')
                       where p.t1 <= now() and r.deleted_at is null and r.created_at < p.t1
                         and not st.is_closed and (v_all or r.owner_user_id = any (v_owners))) y) x)
          select k.metric_key, v.n, null::text,
                 case k.metric_key when 'pipeline_value' then v.pipeline else v.weighted end
            from v cross join unnest(v_keys) as k (metric_key);
      when 'deals_won', 'win_rate' then
        -- Both metrics count the same stage changes: one statement answers each asked for.
        if v_metric = any (v_done) then
          continue;
        end if;
        v_done := v_done || array['deals_won', 'win_rate'];
        v_keys := app.kpi_active_of(p_metrics, array['deals_won', 'win_rate']);
        return query
          with v as materialized (
            select p.n, x.won, x.closed
              from app.kpi_periods(p_from, p_to) p
              cross join lateral (
              select count(*) filter (where h.to_stage = 'won') as won, count(*) as closed
                from public.prospect_stage_history h join public.prospects r on r.id = h.prospect_id
               where h.to_stage in ('won', 'lost') and h.changed_at >= p.t0 and h.changed_at < p.t1
                 and r.deleted_at is null and (v_all or r.owner_user_id = any (v_owners))) x)
          select k.metric_key, v.n, null::text,
                 case k.metric_key when 'deals_won' then v.won::numeric
                      else round(100.0 * v.won / nullif(v.closed, 0), 2) end
            from v cross join unnest(v_keys) as k (metric_key);
      -- Money of the whole book (company, FIN): every customer is credited once and whole,
      -- so the documents are summed without the credit join; an assignee's money is its
      -- shares of its credited customers' documents, the credit found once for all periods.
      when 'revenue_invoiced' then
        if v_all then
          return query
            select v_metric, p.n, null::text, x.value
              from app.kpi_periods(p_from, p_to) p
              cross join lateral (
                select coalesce(sum(i.amount), 0.00) as value from public.invoices i
                 where i.voided_at is null and i.invoice_date between p.d0 and p.d1) x;
        else
          return query
            with cr as materialized (select c.customer_id, c.rank, c.n from app.kpi_credit(false, v_owners) c)
            select v_metric, p.n, null::text, x.value
              from app.kpi_periods(p_from, p_to) p
              cross join lateral (
                select coalesce(sum(app.kpi_share(i.amount, cr.rank, cr.n)), 0.00) as value
                  from public.invoices i join cr on cr.customer_id = i.customer_id
                 where i.voided_at is null and i.invoice_date between p.d0 and p.d1) x;
        end if;
      when 'payments_collected' then
        if v_all then
          return query
            select v_metric, p.n, null::text, x.value
              from app.kpi_periods(p_from, p_to) p
              cross join lateral (
                select coalesce(sum(y.amount), 0.00) as value from public.payments y
                 where y.payment_date between p.d0 and p.d1) x;
        else
          return query
            with cr as materialized (select c.customer_id, c.rank, c.n from app.kpi_credit(false, v_owners) c)
            select v_metric, p.n, null::text, x.value
              from app.kpi_periods(p_from, p_to) p
              cross join lateral (
                select coalesce(sum(app.kpi_share(y.amount, cr.rank, cr.n)), 0.00) as value
                  from public.payments y join cr on cr.customer_id = y.customer_id
                 where y.payment_date between p.d0 and p.d1) x;
        end if;
      when 'ar_overdue_amount', 'dso_rolling_30', 'collection_rate' then
        -- The three metrics read the same balances: one statement answers each asked for,
        -- reading the balance at the end only for AR overdue and DSO, the one before the
        -- period only for the collection rate. The company's money is every customer's,
        -- whole; an assignee's is its shares of its credited customers'.
        if v_metric = any (v_done) then
          continue;
        end if;
        v_done := v_done || array['ar_overdue_amount', 'dso_rolling_30', 'collection_rate'];
        v_end_needed := p_metrics && array['ar_overdue_amount', 'dso_rolling_30'];
        v_rate_needed := 'collection_rate' = any (p_metrics);
        v_keys := app.kpi_active_of(p_metrics, array['ar_overdue_amount', 'dso_rolling_30', 'collection_rate']);
        return query
          with share as materialized (
            select c.customer_id, c.rank, c.n from app.kpi_credit(false, v_owners) c where not v_all),
          v as materialized (
            select p.n, x.balance, x.overdue, x.balance_before, x.last30, x.in_period, x.collected
              from app.kpi_periods(p_from, p_to) p
              cross join lateral (
              with open_end as (
                select coalesce(sum(o.outstanding), 0.00) as balance,
                       coalesce(sum(o.outstanding) filter (where o.days_overdue > 0), 0.00) as overdue
                  from app.ar_invoices_as_of(p.v_end) o
                 where v_all and v_end_needed
                union all
                select coalesce(sum(app.kpi_share(o.outstanding, s.rank, s.n)), 0.00),
                       coalesce(sum(app.kpi_share(o.outstanding, s.rank, s.n))
                                  filter (where o.days_overdue > 0), 0.00)
                  from app.ar_invoices_as_of(p.v_end) o join share s on s.customer_id = o.customer_id
                 where not v_all and v_end_needed),
              open_before as (
                select coalesce(sum(o.outstanding), 0.00) as balance
                  from app.ar_invoices_as_of(p.d_before) o
                 where v_all and v_rate_needed
                union all
                select coalesce(sum(app.kpi_share(o.outstanding, s.rank, s.n)), 0.00)
                  from app.ar_invoices_as_of(p.d_before) o join share s on s.customer_id = o.customer_id
                 where not v_all and v_rate_needed),
              invoiced as (
                select coalesce(sum(i.amount) filter (where i.invoice_date between p.v_end30 and p.v_end), 0.00) as last30,
                       coalesce(sum(i.amount) filter (where i.invoice_date between p.d0 and p.d1), 0.00) as in_period
                  from public.invoices i
                 where v_all and i.voided_at is null and i.invoice_date between p.d_read and p.d1
                union all
                select coalesce(sum(app.kpi_share(i.amount, s.rank, s.n))
                                  filter (where i.invoice_date between p.v_end30 and p.v_end), 0.00),
                       coalesce(sum(app.kpi_share(i.amount, s.rank, s.n))
                                  filter (where i.invoice_date between p.d0 and p.d1), 0.00)
                  from public.invoices i join share s on s.customer_id = i.customer_id
                 where not v_all and i.voided_at is null and i.invoice_date between p.d_read and p.d1),
              collected as (
                select coalesce(sum(y.amount), 0.00) as amount
                  from public.payments y
                 where v_all and v_rate_needed and y.payment_date between p.d0 and p.d1
                union all
                select coalesce(sum(app.kpi_share(y.amount, s.rank, s.n)), 0.00)
                  from public.payments y join share s on s.customer_id = y.customer_id
                 where not v_all and v_rate_needed and y.payment_date between p.d0 and p.d1)
              select (select sum(e.balance) from open_end e) as balance,
                     (select sum(e.overdue) from open_end e) as overdue,
                     (select sum(b.balance) from open_before b) as balance_before,
                     (select sum(v.last30) from invoiced v) as last30,
                     (select sum(v.in_period) from invoiced v) as in_period,
                     (select sum(c.amount) from collected c) as collected) x)
          select k.metric_key, v.n, null::text,
                 case k.metric_key
                   when 'ar_overdue_amount' then v.overdue
                   when 'dso_rolling_30' then round(v.balance * 30 / nullif(v.last30, 0), 2)
                   else round(100.0 * v.collected / nullif(v.balance_before + v.in_period, 0), 2)
                 end
            from v cross join unnest(v_keys) as k (metric_key);
      when 'ticket_first_response_median' then
        return query
          select v_metric, p.n, null::text, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select round(percentile_cont(0.5) within group (
                             order by app.business_minutes(t.created_at, t.first_response_at))::numeric, 2) as value
                from public.tickets t
               where t.dept_target = 'CS' and t.first_response_at is not null
                 and t.created_at >= p.t0 and t.created_at < p.t1
                 and (v_all or t.assigned_to_user_id = any (v_owners))) x;
      when 'sla_compliance' then
        return query
          select v_metric, p.n, null::text, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select round(100.0 * count(*) filter (where s.resolution_state = 'met') / nullif(count(*), 0), 2) as value
                from public.v_ticket_sla s
               where s.dept_target = 'CS' and s.closed_at >= p.t0 and s.closed_at < p.t1
                 and (v_all or s.assigned_to_user_id = any (v_owners))) x;
      when 'tickets_resolved' then
        return query
          select v_metric, p.n, null::text, x.value
            from app.kpi_periods(p_from, p_to) p
            cross join lateral (
              select count(*)::numeric as value from public.tickets t
               where t.dept_target = 'CS' and t.closed_at >= p.t0 and t.closed_at < p.t1
                 and (v_all or t.assigned_to_user_id = any (v_owners))) x;
      else
        -- No data source yet (e.g. wa_first_response_median before the WhatsApp module).
        null;
      end case;
    end loop;
  end
  $$;
grant execute on function app.kpi_actuals(text[], text, uuid, text, date[], date[]) to cc_staff;

-- One metric over one period: the registry's single case (the period-close reminders).
create or replace function app.kpi_actual(p_metric text, p_kind text, p_user uuid, p_dept text,
                                          p_from date, p_to date)
  returns table (bucket text, value numeric)
  language sql stable
  as $$
    select a.bucket, a.value
      from app.kpi_actuals(array[p_metric], p_kind, p_user, p_dept, array[p_from], array[p_to]) a
  $$;
