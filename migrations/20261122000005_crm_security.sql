-- CRM (SPEC §4.2), part 2: row-level security, column privileges, the masked RFQ view
-- and the narrowly-scoped SECURITY DEFINER functions of the lead bundle, handover and
-- merge. Scopes follow SPEC §3; docs/architecture.md lists every function here.

alter table pipeline_stages enable row level security;
alter table channels enable row level security;
alter table channel_aliases enable row level security;
alter table products enable row level security;
alter table customers enable row level security;
alter table prospects enable row level security;
alter table prospect_stage_history enable row level security;
alter table leads enable row level security;
alter table sales_activities enable row level security;
alter table tasks enable row level security;
alter table marketing_activity_events enable row level security;
alter table marketing_spend enable row level security;
alter table tickets enable row level security;
alter table notifications enable row level security;

-- The user ids a signed-in user acts for: themselves, their team (recursively), and for
-- sales_support the team of their manager, whom they support. Returns ids only.
create function app.scope_ids() returns uuid[]
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    select array[app.uid()] || app.team_ids() ||
      case when app.role() = 'sales_support' then coalesce((
        with recursive team (id, depth) as (
          select p.manager_user_id, 0 from public.profiles p
           where p.id = app.uid() and p.manager_user_id is not null
          union
          select p.id, t.depth + 1
            from public.profiles p join team t on p.manager_user_id = t.id
           where t.depth < 10
        )
        select array_agg(id) from team), '{}'::uuid[])
      else '{}'::uuid[] end
  $$;
revoke execute on function app.scope_ids() from public;
grant execute on function app.scope_ids() to cc_staff;
grant execute on function app.resolve_channel(text) to cc_staff, cc_integration;

-- ---------------------------------------------------------------------------------------
-- Reference data: readable by every signed-in user, written by super_admin
-- (products also by marketing_manager).
grant select on pipeline_stages, channels, channel_aliases, products to cc_staff;
grant insert, update, delete on pipeline_stages, channels, channel_aliases to cc_super_admin;
grant insert (code, name, service, description, is_active, created_by),
      update (code, name, service, description, is_active)
  on products to cc_super_admin, cc_marketing_manager;
create policy pipeline_stages_select_staff on pipeline_stages for select to cc_staff
  using ((select app.uid()) is not null);
create policy pipeline_stages_write_super_admin on pipeline_stages for all to cc_super_admin
  using (true) with check (true);
create policy channels_select_staff on channels for select to cc_staff
  using ((select app.uid()) is not null);
create policy channels_write_super_admin on channels for all to cc_super_admin
  using (true) with check (true);
create policy channel_aliases_select_staff on channel_aliases for select to cc_staff
  using ((select app.uid()) is not null);
create policy channel_aliases_write_super_admin on channel_aliases for all to cc_super_admin
  using (true) with check (true);
create policy products_select_staff on products for select to cc_staff
  using ((select app.uid()) is not null);
create policy products_insert_admins on products for insert to cc_super_admin, cc_marketing_manager
  with check (created_by = (select app.uid()));
create policy products_update_admins on products for update to cc_super_admin, cc_marketing_manager
  using (true) with check (true);

-- ---------------------------------------------------------------------------------------
-- customers: everyone of CRM by scope; Finance reads identities for AR (SPEC §3).
grant select on customers to cc_super_admin, cc_director, cc_marketing_manager, cc_marketing_staff,
  cc_sales_manager, cc_salesperson, cc_sales_support, cc_finance_manager, cc_finance_staff;
grant insert (company_name, company_key, npwp, email, phone, contact_name, address, city, latitude,
              longitude, owner_user_id, notes, created_by)
  on customers to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson;
grant update (updated_at, company_name, company_key, npwp, email, phone, contact_name, address, city, latitude,
              longitude, owner_user_id, notes, deleted_at)
  on customers to cc_super_admin, cc_marketing_manager, cc_sales_manager, cc_salesperson;
grant delete on customers to cc_super_admin;

create policy customers_all_super_admin on customers for all to cc_super_admin
  using (true) with check (true);
create policy customers_select_readers on customers for select
  to cc_director, cc_marketing_manager, cc_finance_manager, cc_finance_staff
  using (true);
create policy customers_select_marketing_staff on customers for select to cc_marketing_staff
  using (created_by = (select app.uid())
         or exists (select 1 from leads l
                     where l.customer_id = customers.id
                       and (l.created_by = (select app.uid()) or l.marketing_owner_user_id = (select app.uid()))));
create policy customers_select_sales on customers for select
  to cc_sales_manager, cc_salesperson, cc_sales_support
  using (owner_user_id = any ((select app.scope_ids())::uuid[])
         or created_by = (select app.uid())
         or exists (select 1 from prospects p
                     where p.customer_id = customers.id and p.owner_user_id = any ((select app.scope_ids())::uuid[])));
create policy customers_insert_creators on customers for insert
  to cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson
  with check (created_by = (select app.uid()));
create policy customers_update_marketing_manager on customers for update to cc_marketing_manager
  using (true) with check (true);
create policy customers_update_sales on customers for update to cc_sales_manager, cc_salesperson
  using (owner_user_id = any ((select app.scope_ids())::uuid[])
         or exists (select 1 from prospects p
                     where p.customer_id = customers.id and p.owner_user_id = any ((select app.scope_ids())::uuid[])))
  with check (owner_user_id is null or owner_user_id = any ((select app.scope_ids())::uuid[]));

-- ---------------------------------------------------------------------------------------
-- prospects: the sales pipeline. Sales managers also see unassigned prospects (handover).
grant select on prospects to cc_super_admin, cc_director, cc_marketing_manager, cc_marketing_staff,
  cc_sales_manager, cc_salesperson, cc_sales_support;
grant insert (customer_id, owner_user_id, stage, expected_value, expected_close_date, lost_reason,
              service_interest, notes, created_by)
  on prospects to cc_super_admin, cc_sales_manager, cc_salesperson;
grant update (updated_at, stage, expected_value, expected_close_date, lost_reason, service_interest, notes,
              deleted_at)
  on prospects to cc_super_admin, cc_sales_manager, cc_salesperson;
grant delete on prospects to cc_super_admin;

create policy prospects_all_super_admin on prospects for all to cc_super_admin
  using (true) with check (true);
create policy prospects_select_readers on prospects for select to cc_director, cc_marketing_manager
  using (true);
create policy prospects_select_marketing_staff on prospects for select to cc_marketing_staff
  using (exists (select 1 from leads l
                  where l.prospect_id = prospects.id
                    and (l.created_by = (select app.uid()) or l.marketing_owner_user_id = (select app.uid()))));
create policy prospects_select_sales on prospects for select
  to cc_sales_manager, cc_salesperson, cc_sales_support
  using (owner_user_id = any ((select app.scope_ids())::uuid[]));
create policy prospects_select_unassigned on prospects for select to cc_sales_manager
  using (owner_user_id is null);
create policy prospects_insert_sales on prospects for insert to cc_sales_manager, cc_salesperson
  with check (created_by = (select app.uid()) and owner_user_id = any ((select app.scope_ids())::uuid[]));
create policy prospects_update_sales on prospects for update to cc_sales_manager, cc_salesperson
  using (owner_user_id = any ((select app.scope_ids())::uuid[]))
  with check (owner_user_id = any ((select app.scope_ids())::uuid[]));

grant select on prospect_stage_history to cc_super_admin, cc_director, cc_marketing_manager,
  cc_marketing_staff, cc_sales_manager, cc_salesperson, cc_sales_support;
create policy prospect_stage_history_select on prospect_stage_history for select
  to cc_super_admin, cc_director, cc_marketing_manager, cc_marketing_staff, cc_sales_manager,
     cc_salesperson, cc_sales_support
  using (exists (select 1 from prospects p where p.id = prospect_stage_history.prospect_id));

-- ---------------------------------------------------------------------------------------
-- leads
grant select on leads to cc_super_admin, cc_director, cc_marketing_manager, cc_marketing_staff,
  cc_sales_manager, cc_salesperson, cc_sales_support;
grant insert (channel, channel_raw, utm_source, utm_medium, utm_campaign, company_name, contact_name,
              email, phone, npwp, service_interest, notes, need_rfq, rfq, customer_id, prospect_id,
              matched_on, marketing_owner_user_id, sales_owner_user_id, assigned_at, created_by)
  on leads to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson;
grant update (updated_at, status, channel, channel_raw, utm_source, utm_medium, utm_campaign, company_name,
              contact_name, email, phone, npwp, service_interest, notes, ticket_id, prospect_id,
              marketing_owner_user_id, sales_owner_user_id, assigned_at, deleted_at, deleted_by)
  on leads to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson;
grant delete on leads to cc_super_admin;

create policy leads_all_super_admin on leads for all to cc_super_admin
  using (true) with check (true);
create policy leads_select_director on leads for select to cc_director using (true);
create policy leads_all_marketing_manager on leads for all to cc_marketing_manager
  using (true) with check (created_by is not null);
create policy leads_select_marketing_staff on leads for select to cc_marketing_staff
  using (created_by = (select app.uid()) or marketing_owner_user_id = (select app.uid()));
create policy leads_insert_marketing_staff on leads for insert to cc_marketing_staff
  with check (created_by = (select app.uid()));
create policy leads_update_marketing_staff on leads for update to cc_marketing_staff
  using (created_by = (select app.uid()) or marketing_owner_user_id = (select app.uid()))
  with check (created_by = (select app.uid()) or marketing_owner_user_id = (select app.uid()));
create policy leads_select_sales_manager on leads for select to cc_sales_manager
  using (sales_owner_user_id = any ((select app.scope_ids())::uuid[]) or sales_owner_user_id is null
         or created_by = (select app.uid()));
create policy leads_insert_sales_manager on leads for insert to cc_sales_manager
  with check (created_by = (select app.uid()));
create policy leads_update_sales_manager on leads for update to cc_sales_manager
  using (sales_owner_user_id = any ((select app.scope_ids())::uuid[]) or sales_owner_user_id is null
         or created_by = (select app.uid()))
  with check (sales_owner_user_id is null or sales_owner_user_id = any ((select app.scope_ids())::uuid[]));
create policy leads_select_salesperson on leads for select to cc_salesperson
  using (sales_owner_user_id = (select app.uid()));
create policy leads_insert_salesperson on leads for insert to cc_salesperson
  with check (created_by = (select app.uid()) and sales_owner_user_id = (select app.uid()));
create policy leads_update_salesperson on leads for update to cc_salesperson
  using (sales_owner_user_id = (select app.uid()))
  with check (sales_owner_user_id = (select app.uid()));
create policy leads_select_sales_support on leads for select to cc_sales_support
  using (sales_owner_user_id = any ((select app.scope_ids())::uuid[]));

-- Handover is a manager's act (CRM-2): nobody else moves a lead to another salesperson.
create function leads_guard_owner() returns trigger
  language plpgsql
  as $$
begin
  if new.sales_owner_user_id is distinct from old.sales_owner_user_id
     and coalesce(app.role(), '') not in ('super_admin', 'marketing_manager', 'sales_manager') then
    raise exception 'only managers assign leads' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger leads_guard_owner before update of sales_owner_user_id on leads
  for each row execute function leads_guard_owner();
revoke execute on function leads_guard_owner() from public;

-- ---------------------------------------------------------------------------------------
-- sales_activities
grant select on sales_activities to cc_super_admin, cc_director, cc_marketing_manager,
  cc_marketing_staff, cc_sales_manager, cc_salesperson, cc_sales_support;
grant insert (activity_type, subject, notes, customer_id, prospect_id, lead_id, owner_user_id,
              scheduled_at, evidence_file_id, latitude, longitude, distance_m, next_action,
              next_action_at, created_by)
  on sales_activities to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager,
     cc_salesperson, cc_sales_support;
grant update (updated_at, subject, notes, scheduled_at, next_action, next_action_at, deleted_at)
  on sales_activities to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager,
     cc_salesperson, cc_sales_support;
grant delete on sales_activities to cc_super_admin;

create policy sales_activities_all_super_admin on sales_activities for all to cc_super_admin
  using (true) with check (true);
create policy sales_activities_select_readers on sales_activities for select
  to cc_director, cc_marketing_manager
  using (true);
create policy sales_activities_select_scope on sales_activities for select
  to cc_marketing_staff, cc_sales_manager, cc_salesperson, cc_sales_support
  using (owner_user_id = any ((select app.scope_ids())::uuid[]) or created_by = (select app.uid()));
create policy sales_activities_insert_scope on sales_activities for insert
  to cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson, cc_sales_support
  with check (created_by = (select app.uid()) and activity_type <> 'system'
              and owner_user_id = any ((select app.scope_ids())::uuid[]));
create policy sales_activities_update_own on sales_activities for update
  to cc_marketing_manager, cc_marketing_staff, cc_salesperson, cc_sales_support
  using (created_by = (select app.uid()) or owner_user_id = (select app.uid()))
  with check (created_by = (select app.uid()) or owner_user_id = (select app.uid()));
create policy sales_activities_update_sales_manager on sales_activities for update to cc_sales_manager
  using (owner_user_id = any ((select app.scope_ids())::uuid[]))
  with check (owner_user_id = any ((select app.scope_ids())::uuid[]));

-- ---------------------------------------------------------------------------------------
-- tasks: everyone's personal to-dos and follow-ups; managers see their team's; the
-- director reads all; sales_support works for their manager's team.
grant select on tasks to cc_staff;
grant insert (title, description, status, due_at, remind_at, owner_user_id, customer_id, prospect_id,
              lead_id, activity_id, completed_at, created_by)
  on tasks to cc_staff;
grant update (updated_at, title, description, status, due_at, remind_at, reminded_at, completed_at, deleted_at)
  on tasks to cc_staff;
grant delete on tasks to cc_super_admin;
grant select (id, title, status, due_at, remind_at, reminded_at, owner_user_id, deleted_at),
      update (reminded_at)
  on tasks to cc_worker;

create policy tasks_all_super_admin on tasks for all to cc_super_admin
  using (true) with check (true);
create policy tasks_select_director on tasks for select to cc_director using (true);
create policy tasks_select_scope on tasks for select to cc_staff
  using (owner_user_id = any ((select app.scope_ids())::uuid[]) or created_by = (select app.uid()));
create policy tasks_insert_scope on tasks for insert
  to cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson, cc_sales_support,
     cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse, cc_finance_manager,
     cc_finance_staff, cc_cs_admin, cc_cs_agent
  with check (created_by = (select app.uid()) and owner_user_id = any ((select app.scope_ids())::uuid[]));
create policy tasks_update_scope on tasks for update
  to cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson, cc_sales_support,
     cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse, cc_finance_manager,
     cc_finance_staff, cc_cs_admin, cc_cs_agent
  using (owner_user_id = any ((select app.scope_ids())::uuid[]) or created_by = (select app.uid()))
  with check (owner_user_id = any ((select app.scope_ids())::uuid[]) or created_by = (select app.uid()));
create policy tasks_worker on tasks for all to cc_worker using (true) with check (true);

-- ---------------------------------------------------------------------------------------
-- Marketing events and spend: marketing_manager all, marketing_staff what they entered,
-- super_admin and director read.
grant select on marketing_activity_events, marketing_spend
  to cc_super_admin, cc_director, cc_marketing_manager, cc_marketing_staff;
grant insert (event_date, title, event_type, channel, description, budget, created_by),
      update (event_date, title, event_type, channel, description, budget)
  on marketing_activity_events to cc_super_admin, cc_marketing_manager, cc_marketing_staff;
grant insert (platform, spend_date, amount, impressions, clicks, campaign, created_by),
      update (platform, spend_date, amount, impressions, clicks, campaign)
  on marketing_spend to cc_super_admin, cc_marketing_manager, cc_marketing_staff;
grant delete on marketing_activity_events, marketing_spend to cc_super_admin, cc_marketing_manager;

create policy marketing_activity_events_all_admins on marketing_activity_events for all
  to cc_super_admin, cc_marketing_manager using (true) with check (true);
create policy marketing_activity_events_select_director on marketing_activity_events for select
  to cc_director using (true);
create policy marketing_activity_events_own on marketing_activity_events for all to cc_marketing_staff
  using (created_by = (select app.uid())) with check (created_by = (select app.uid()));
create policy marketing_spend_all_admins on marketing_spend for all
  to cc_super_admin, cc_marketing_manager using (true) with check (true);
create policy marketing_spend_select_director on marketing_spend for select
  to cc_director using (true);
create policy marketing_spend_own on marketing_spend for all to cc_marketing_staff
  using (created_by = (select app.uid())) with check (created_by = (select app.uid()));

-- ---------------------------------------------------------------------------------------
-- tickets. Operations never get SELECT on the customer identity columns
-- (company_name, contact_name, customer_phone, customer_email): they read RFQs through
-- v_ops_rfqs_masked (TCK-5).
grant select on tickets to cc_super_admin, cc_director, cc_marketing_manager, cc_marketing_staff,
  cc_sales_manager, cc_salesperson, cc_sales_support, cc_finance_manager, cc_finance_staff,
  cc_cs_admin, cc_cs_agent;
grant select (id, ticket_code, ticket_type, priority, status, dept_target, subject, description,
              tracking_number, rfq, need_customer_masking, related_lead_id, related_customer_id,
              related_prospect_id, assigned_to_user_id, source, inquiry_outcome, close_reason,
              closed_at, created_by, created_at, updated_at)
  on tickets to cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse;
grant insert (ticket_type, priority, dept_target, subject, description, tracking_number, company_name,
              contact_name, customer_phone, customer_email, rfq, need_customer_masking, related_lead_id,
              related_customer_id, related_prospect_id, assigned_to_user_id, source, created_by)
  on tickets to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager,
     cc_salesperson, cc_sales_support, cc_finance_manager, cc_finance_staff, cc_cs_admin, cc_cs_agent;
grant update (status, priority, assigned_to_user_id, inquiry_outcome, close_reason, closed_at)
  on tickets to cc_super_admin, cc_cs_admin, cc_cs_agent, cc_ops_exim, cc_ops_domestic,
     cc_ops_import_dtd, cc_ops_warehouse;
grant delete on tickets to cc_super_admin;

create policy tickets_all_super_admin on tickets for all to cc_super_admin
  using (true) with check (true);
create policy tickets_select_director on tickets for select to cc_director using (true);
create policy tickets_all_cs_admin on tickets for all to cc_cs_admin
  using (true) with check (true);
create policy tickets_cs_agent on tickets for select to cc_cs_agent
  using (assigned_to_user_id = (select app.uid())
         or (assigned_to_user_id is null and dept_target = 'CS')
         or created_by = (select app.uid()));
create policy tickets_update_cs_agent on tickets for update to cc_cs_agent
  using (assigned_to_user_id = (select app.uid())
         or (assigned_to_user_id is null and dept_target = 'CS'))
  with check (assigned_to_user_id is null or assigned_to_user_id = (select app.uid()));
create policy tickets_ops on tickets for select
  to cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse
  using (dept_target = (select app.dept()));
create policy tickets_update_ops on tickets for update
  to cc_ops_exim, cc_ops_domestic, cc_ops_import_dtd, cc_ops_warehouse
  using (dept_target = (select app.dept()))
  with check (dept_target = (select app.dept()));
create policy tickets_select_crm on tickets for select
  to cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson, cc_sales_support
  using (created_by = (select app.uid())
         or exists (select 1 from customers c where c.id = tickets.related_customer_id));
create policy tickets_select_finance on tickets for select to cc_finance_manager, cc_finance_staff
  using (created_by = (select app.uid()));
create policy tickets_insert_creators on tickets for insert
  to cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson, cc_sales_support,
     cc_finance_manager, cc_finance_staff, cc_cs_agent
  with check (created_by = (select app.uid()));

-- TCK-5: RFQs for Operations with the customer's identity masked. Deliberately NOT
-- security_invoker: it reads tickets as its owner and filters by the caller's context
-- itself — Operations see the inquiries of their own department only.
create view v_ops_rfqs_masked as
  select t.id, t.ticket_code, t.status, t.priority, t.dept_target, t.subject, t.description,
         t.rfq, t.need_customer_masking,
         case when t.need_customer_masking then 'MASKED' else t.company_name end as company_name,
         case when t.need_customer_masking then 'MASKED' else t.contact_name end as contact_name,
         case when t.need_customer_masking then
           case when t.customer_phone is null then null
                else left(t.customer_phone, 4) || repeat('*', greatest(length(t.customer_phone) - 6, 0))
                     || right(t.customer_phone, 2) end
              else t.customer_phone end as customer_phone,
         t.assigned_to_user_id, t.inquiry_outcome, t.close_reason, t.closed_at, t.created_at,
         t.updated_at
    from tickets t
   where t.ticket_type = 'inquiry_tariff'
     and (app.role() in ('super_admin', 'director')
          or (app.role() in ('ops_exim', 'ops_domestic', 'ops_import_dtd', 'ops_warehouse')
              and t.dept_target = app.dept()));
revoke all on v_ops_rfqs_masked from public;
grant select on v_ops_rfqs_masked to cc_super_admin, cc_director, cc_ops_exim, cc_ops_domestic,
  cc_ops_import_dtd, cc_ops_warehouse;

-- ---------------------------------------------------------------------------------------
-- notifications: each user reads and marks their own; rows are written by app.notify().
grant select, update (read_at) on notifications to cc_staff;
create policy notifications_own on notifications for select to cc_staff
  using (user_id = (select app.uid()));
create policy notifications_mark_own on notifications for update to cc_staff
  using (user_id = (select app.uid())) with check (user_id = (select app.uid()));

-- files: visit evidence is readable by whoever may read the activity it proves.
create policy files_select_prospect_evidence on files for select
  to cc_director, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson,
     cc_sales_support
  using (bucket = 'prospect-evidence'
         and exists (select 1 from sales_activities a where a.evidence_file_id = files.id));

-- ---------------------------------------------------------------------------------------
-- Service functions (SECURITY DEFINER, fixed search_path, EXECUTE only for the roles that
-- need them). They return ids, never rows the caller may not read.

-- CRM-1: the customer for the normalised identifiers, in priority NPWP, e-mail, phone,
-- company key; created when none matches. Race-free: the partial unique indexes on the
-- keys make a concurrent duplicate insert a no-op, after which the lookup finds the
-- winner. A soft-deleted match is restored. Caller: the roles that create leads.
create function app.crm_find_or_create_customer(
    p_npwp text, p_email text, p_phone text, p_company_key text, p_company_name text,
    p_contact_name text, p_owner uuid)
  returns table (customer_id uuid, matched_on text)
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_id uuid;
  v_attempt int;
begin
  for v_attempt in 1..5 loop
    v_id := null;
    if p_npwp is not null then
      select c.id into v_id from customers c where c.npwp = p_npwp and c.merged_into_id is null;
      if v_id is not null then matched_on := 'npwp'; end if;
    end if;
    if v_id is null and p_email is not null then
      select c.id into v_id from customers c where c.email = p_email::citext and c.merged_into_id is null;
      if v_id is not null then matched_on := 'email'; end if;
    end if;
    if v_id is null and p_phone is not null then
      select c.id into v_id from customers c where c.phone = p_phone and c.merged_into_id is null;
      if v_id is not null then matched_on := 'phone'; end if;
    end if;
    if v_id is null and p_company_key is not null then
      select c.id into v_id from customers c
       where c.company_key = p_company_key and c.merged_into_id is null;
      if v_id is not null then matched_on := 'company_name'; end if;
    end if;
    if v_id is not null then
      update customers set deleted_at = null where id = v_id and deleted_at is not null;
      customer_id := v_id;
      return next;
      return;
    end if;
    insert into customers (company_name, company_key, npwp, email, phone, contact_name,
                           owner_user_id, created_by)
    values (coalesce(nullif(btrim(p_company_name), ''), p_contact_name), p_company_key, p_npwp,
            p_email::citext, p_phone, p_contact_name, p_owner, app.uid())
    on conflict do nothing
    returning id into v_id;
    if v_id is not null then
      customer_id := v_id;
      matched_on := null;
      return next;
      return;
    end if;
  end loop;
  raise exception 'customer lookup did not settle' using errcode = '40001';
end
$$;

-- CRM-1/CRM-2: the open prospect of a customer for a sales owner (null = unassigned),
-- created when missing. Race-free through prospects_customer_owner_key.
-- Caller: the roles that create or assign leads.
create function app.crm_find_or_create_prospect(p_customer_id uuid, p_owner uuid, p_service text)
  returns uuid
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_id uuid;
  v_attempt int;
begin
  for v_attempt in 1..5 loop
    select p.id into v_id from prospects p
     where p.customer_id = p_customer_id and p.owner_user_id is not distinct from p_owner
       and p.deleted_at is null;
    if v_id is not null then
      return v_id;
    end if;
    insert into prospects (customer_id, owner_user_id, service_interest, created_by)
    values (p_customer_id, p_owner, p_service, app.uid())
    on conflict do nothing
    returning id into v_id;
    if v_id is not null then
      return v_id;
    end if;
  end loop;
  raise exception 'prospect lookup did not settle' using errcode = '40001';
end
$$;

-- CRM-2: after a handover, retires the unassigned prospect the lead came from when no
-- other live lead uses it. Caller: the roles that assign leads.
create function app.crm_retire_unassigned_prospect(p_prospect_id uuid)
  returns void
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    update prospects p set deleted_at = now()
     where p.id = p_prospect_id and p.owner_user_id is null and p.deleted_at is null
       and p.stage = 'new'
       and not exists (select 1 from leads l where l.prospect_id = p.id and l.deleted_at is null);
  $$;

-- CRM-9: merges `p_loser` into `p_winner`: re-points leads, prospects, activities, tasks
-- and tickets, folds prospects of the same owner together, fills the winner's missing
-- identifiers and marks the loser merged. Audited by the row triggers. The caller's
-- handler has already read both customers through RLS. Caller: the roles that merge.
create function app.crm_merge_customers(p_winner uuid, p_loser uuid)
  returns void
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_loser customers%rowtype;
  r record;
  v_target uuid;
begin
  if app.role() not in ('super_admin', 'marketing_manager', 'sales_manager') then
    raise exception 'not allowed to merge customers' using errcode = '42501';
  end if;
  if p_winner = p_loser then
    raise exception 'cannot merge a customer into itself' using errcode = '22023';
  end if;
  select * into v_loser from customers where id = p_loser and merged_into_id is null for update;
  if not found or not exists (select 1 from customers where id = p_winner and merged_into_id is null) then
    raise exception 'customer not found' using errcode = 'P0002';
  end if;
  for r in select * from prospects where customer_id = p_loser and deleted_at is null loop
    select id into v_target from prospects
     where customer_id = p_winner and owner_user_id is not distinct from r.owner_user_id
       and deleted_at is null;
    if v_target is null then
      update prospects set customer_id = p_winner where id = r.id;
    else
      update leads set prospect_id = v_target where prospect_id = r.id;
      update sales_activities set prospect_id = v_target where prospect_id = r.id;
      update tasks set prospect_id = v_target where prospect_id = r.id;
      update tickets set related_prospect_id = v_target where related_prospect_id = r.id;
      update prospects set deleted_at = now(), notes = notes || ' [merged]' where id = r.id;
    end if;
  end loop;
  update prospects set customer_id = p_winner where customer_id = p_loser;
  update leads set customer_id = p_winner where customer_id = p_loser;
  update sales_activities set customer_id = p_winner where customer_id = p_loser;
  update tasks set customer_id = p_winner where customer_id = p_loser;
  update tickets set related_customer_id = p_winner where related_customer_id = p_loser;
  update customers set merged_into_id = p_winner, deleted_at = now() where id = p_loser;
  update customers w set
      npwp = coalesce(w.npwp, v_loser.npwp),
      email = coalesce(w.email, v_loser.email),
      phone = coalesce(w.phone, v_loser.phone),
      contact_name = coalesce(w.contact_name, v_loser.contact_name),
      address = coalesce(w.address, v_loser.address),
      city = coalesce(w.city, v_loser.city),
      owner_user_id = coalesce(w.owner_user_id, v_loser.owner_user_id)
   where w.id = p_winner;
end
$$;

-- NTF-1: writes one notification; a repeated `p_dedup_key` is a no-op (returns null).
-- Caller: signed-in users (assignment notices), the worker (reminders), integrations.
create function app.notify(p_user_id uuid, p_kind text, p_title text, p_body text, p_link text,
                           p_dedup_key text)
  returns uuid
  language sql volatile security definer
  set search_path = pg_catalog, public
  as $$
    insert into notifications (user_id, kind, title, body, link, dedup_key)
    select p_user_id, p_kind, p_title, coalesce(p_body, ''), p_link, p_dedup_key
     where exists (select 1 from profiles where id = p_user_id and is_active)
    on conflict (dedup_key) do nothing
    returning id
  $$;

revoke execute on function
  app.crm_find_or_create_customer(text, text, text, text, text, text, uuid),
  app.crm_find_or_create_prospect(uuid, uuid, text),
  app.crm_retire_unassigned_prospect(uuid),
  app.crm_merge_customers(uuid, uuid),
  app.notify(uuid, text, text, text, text, text)
  from public;
grant execute on function
  app.crm_find_or_create_customer(text, text, text, text, text, text, uuid),
  app.crm_find_or_create_prospect(uuid, uuid, text)
  to cc_super_admin, cc_marketing_manager, cc_marketing_staff, cc_sales_manager, cc_salesperson;
grant execute on function app.crm_retire_unassigned_prospect(uuid)
  to cc_super_admin, cc_marketing_manager, cc_sales_manager;
grant execute on function app.crm_merge_customers(uuid, uuid)
  to cc_super_admin, cc_marketing_manager, cc_sales_manager;
grant execute on function app.notify(uuid, text, text, text, text, text)
  to cc_staff, cc_worker, cc_integration;
