-- CRM ownership hardening (SPEC §3, CRM-2, TCK-5), found by trying the forbidden things:
--  * a salesperson could add a prospect to a customer they cannot see (then read it) and
--    make themselves the customer's owner: new prospects need a visible customer, and only
--    managers change a customer's owner;
--  * the masked RFQ view showed the real identity for RFQs not flagged for masking:
--    Operations now always get it masked.

-- Whether a customer is owned within the caller's scope or was created by the caller.
-- SECURITY DEFINER so that the prospects policy can ask without recursing through the
-- customers policies (which look at prospects). Returns a boolean only. Caller: cc_staff.
create function app.customer_in_scope(p_customer_id uuid) returns boolean
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    select exists (select 1 from public.customers c
                    where c.id = p_customer_id
                      and (c.owner_user_id = any (app.scope_ids()) or c.created_by = app.uid()))
  $$;
revoke execute on function app.customer_in_scope(uuid) from public;
grant execute on function app.customer_in_scope(uuid) to cc_staff;

drop policy prospects_insert_sales on prospects;
create policy prospects_insert_sales on prospects for insert to cc_sales_manager, cc_salesperson
  with check (created_by = (select app.uid())
              and owner_user_id = any ((select app.scope_ids())::uuid[])
              and app.customer_in_scope(customer_id));

create function customers_guard_owner() returns trigger
  language plpgsql
  as $$
begin
  if new.owner_user_id is distinct from old.owner_user_id
     and coalesce(app.role(), '') not in ('super_admin', 'marketing_manager', 'sales_manager')
     and app.uid() is not null then
    raise exception 'only managers change the owner of a customer' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger customers_guard_owner before update of owner_user_id on customers
  for each row execute function customers_guard_owner();
revoke execute on function customers_guard_owner() from public;

create or replace view v_ops_rfqs_masked as
  select t.id, t.ticket_code, t.status, t.priority, t.dept_target, t.subject, t.description,
         t.rfq, t.need_customer_masking,
         'MASKED'::text as company_name,
         'MASKED'::text as contact_name,
         case when t.customer_phone is null then null
              else left(t.customer_phone, 4) || repeat('*', greatest(length(t.customer_phone) - 6, 0))
                   || right(t.customer_phone, 2) end as customer_phone,
         t.assigned_to_user_id, t.inquiry_outcome, t.close_reason, t.closed_at, t.created_at,
         t.updated_at
    from tickets t
   where t.ticket_type = 'inquiry_tariff'
     and (app.role() in ('super_admin', 'director')
          or (app.role() in ('ops_exim', 'ops_domestic', 'ops_import_dtd', 'ops_warehouse')
              and t.dept_target = app.dept()));
