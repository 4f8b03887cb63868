-- IMP / issue #15 item 8: imports at 100,000 rows. Rows written by one statement are
-- audited and counted into the daily AR totals by one statement-level trigger each
-- (transition tables) instead of one trigger call per row; the audit rows and the
-- totals are the same. Updates and deletes keep their row-level triggers.

-- PLT-AUDIT for inserts: one `audit_logs` row per inserted row, as audit_row_change()
-- writes them.
create function audit_rows_inserted() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
begin
  insert into audit_logs (table_name, row_id, action, changed_by, api_key_id, request_id,
                          before_data, after_data)
  select tg_table_name, r.j ->> 'id', 'INSERT', app.uid(), app.api_key_id(), app.request_id(), null, r.j
    from (select to_jsonb(n) - array['password_hash', 'key_hash', 'token_hash'] as j from new_rows n) r;
  return null;
end
$$;
revoke execute on function audit_rows_inserted() from public;

do $$
declare
  t text;
begin
  foreach t in array array['invoices', 'payments', 'customers', 'leads', 'kpi_entries',
                           'marketing_spend', 'products'] loop
    execute format('drop trigger %I on %I', t || '_audit', t);
    execute format('create trigger %I after update or delete on %I
                      for each row execute function audit_row_change()', t || '_audit', t);
    execute format('create trigger %I after insert on %I referencing new table as new_rows
                      for each statement execute function audit_rows_inserted()', t || '_audit_insert', t);
  end loop;
end
$$;

-- DSO daily totals of inserted invoices: one upsert per day (and shard) per statement.
create function invoices_daily_inserted() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
begin
  insert into ar_daily_totals as t (day, shard, invoiced, applied)
  select n.invoice_date, (pg_backend_pid() % 8)::smallint, sum(n.amount), 0
    from new_rows n where n.voided_at is null group by n.invoice_date
  on conflict (day, shard) do update
    set invoiced = t.invoiced + excluded.invoiced, applied = t.applied + excluded.applied;
  return null;
end
$$;
revoke execute on function invoices_daily_inserted() from public;
drop trigger invoices_daily on invoices;
create trigger invoices_daily after update or delete on invoices
  for each row execute function invoices_daily();
create trigger invoices_daily_insert after insert on invoices referencing new table as new_rows
  for each statement execute function invoices_daily_inserted();

-- Staged rows are read in row order by the primary key; outcome and hash lookups are
-- per import and need no index of their own (each costs every staged row a write).
drop index import_rows_status_idx;
drop index import_rows_hash_idx;

-- CRM-1 for a batch of imported leads: the prospect of each customer for the importer
-- (found, or created in one insert), customers the batch matched restored if they had
-- been deleted — what app.crm_find_or_create_prospect and the customer lookup do lead by
-- lead, set-based. SECURITY DEFINER for the same reason as those: the prospect of a
-- customer may sit in someone else's scope. Returns only ids. A prospect another
-- transaction created meanwhile is not returned; the caller finds it lead by lead.
create function app.import_lead_prospects(p_customers uuid[], p_services text[], p_owner uuid)
  returns table (customer_id uuid, prospect_id uuid)
  language plpgsql volatile security definer
  set search_path = pg_catalog, public
  as $$
begin
  update customers c set deleted_at = null
   where c.id = any (p_customers) and c.deleted_at is not null;
  return query
  with wanted as (
    select distinct on (t.c) t.c, t.s from unnest(p_customers, p_services) as t(c, s) order by t.c),
  -- one index lookup per customer (a join would be planned from the owner condition's
  -- poor estimate as a scan of every prospect per customer)
  existing as (
    select w.c as customer_id, x.id from wanted w
     cross join lateral (
       select p.id from prospects p
        where p.customer_id = w.c and p.owner_user_id is not distinct from p_owner and p.deleted_at is null
        order by p.created_at limit 1) x),
  created as (
    insert into prospects (customer_id, owner_user_id, service_interest, created_by)
    select w.c, p_owner, w.s, app.uid() from wanted w
     where not exists (select 1 from existing e where e.customer_id = w.c)
    on conflict do nothing
    returning prospects.customer_id, prospects.id)
  select e.customer_id, e.id from existing e
  union all
  select c.customer_id, c.id from created c;
end
$$;
revoke execute on function app.import_lead_prospects(uuid[], text[], uuid) from public;
grant execute on function app.import_lead_prospects(uuid[], text[], uuid) to cc_staff;
