-- Receivables at a million invoices (issue #13 item 8): the reports of today read two
-- rollups of the open invoices instead of aggregating every open invoice per request.
-- Re-appliable (if not exists / or replace; the backfill is a rebuild).
--  * ar_customer_balances: per customer, Σ (amount − allocated) of its non-void invoices
--    (every invoice date), so the aging page takes the customers with most open first
--    from an index;
--  * ar_open_by_due: per due date, Σ (amount − allocated) and the number of the open
--    (non-void, not fully allocated) invoices, so the aging totals row and the
--    outstanding count and Σ of the whole book are a few hundred rows.
-- Both are written by the invoices' row trigger in the same transaction as the change
-- (an allocation or a reversal changes `allocated` on the invoice, a void `voided_at`),
-- and rebuilt from the raw rows by `app.ar_rebuild_daily_totals()` (operator command and
-- seed). Invoices dated after the report day are in the rollups and are taken out when
-- read (`app.ar_aging_book_*` below); they are rare and found by `invoices_invoice_date_idx`.

create table if not exists ar_customer_balances (
  customer_id uuid primary key references customers (id),
  open_amount numeric(20, 2) not null default 0
);
create index if not exists ar_customer_balances_open_idx on ar_customer_balances (open_amount desc)
  where open_amount > 0;

-- Several rows per due date (`shard`) so that concurrent payments do not queue on one row.
create table if not exists ar_open_by_due (
  due_date date not null,
  shard smallint not null,
  open_amount numeric(20, 2) not null default 0,
  open_count bigint not null default 0,
  constraint ar_open_by_due_pkey primary key (due_date, shard)
);

alter table ar_customer_balances enable row level security;
alter table ar_open_by_due enable row level security;
grant select on ar_customer_balances, ar_open_by_due
  to cc_super_admin, cc_director, cc_finance_manager, cc_finance_staff;
drop policy if exists ar_customer_balances_select_readers on ar_customer_balances;
create policy ar_customer_balances_select_readers on ar_customer_balances for select
  to cc_super_admin, cc_director, cc_finance_manager, cc_finance_staff using (true);
drop policy if exists ar_open_by_due_select_readers on ar_open_by_due;
create policy ar_open_by_due_select_readers on ar_open_by_due for select
  to cc_super_admin, cc_director, cc_finance_manager, cc_finance_staff using (true);

-- An invoice's part in the rollups: what is open of it, and whether it is open at all.
create or replace function invoices_open_rollup() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_old numeric := 0;
  v_new numeric := 0;
begin
  if tg_op <> 'INSERT' and old.voided_at is null then
    v_old := old.amount - old.allocated;
  end if;
  if tg_op <> 'DELETE' and new.voided_at is null then
    v_new := new.amount - new.allocated;
  end if;
  if tg_op = 'UPDATE' and v_old = v_new and old.due_date = new.due_date
     and old.customer_id = new.customer_id then
    return null;
  end if;
  if v_old <> 0 then
    insert into ar_customer_balances as b (customer_id, open_amount) values (old.customer_id, -v_old)
    on conflict (customer_id) do update set open_amount = b.open_amount + excluded.open_amount;
    insert into ar_open_by_due as t (due_date, shard, open_amount, open_count)
    values (old.due_date, (pg_backend_pid() % 8)::smallint, -v_old, -1)
    on conflict (due_date, shard) do update
      set open_amount = t.open_amount + excluded.open_amount, open_count = t.open_count + excluded.open_count;
  end if;
  if v_new <> 0 then
    insert into ar_customer_balances as b (customer_id, open_amount) values (new.customer_id, v_new)
    on conflict (customer_id) do update set open_amount = b.open_amount + excluded.open_amount;
    insert into ar_open_by_due as t (due_date, shard, open_amount, open_count)
    values (new.due_date, (pg_backend_pid() % 8)::smallint, v_new, 1)
    on conflict (due_date, shard) do update
      set open_amount = t.open_amount + excluded.open_amount, open_count = t.open_count + excluded.open_count;
  end if;
  return null;
end
$$;
revoke execute on function invoices_open_rollup() from public;
create or replace trigger invoices_open_rollup after insert or update or delete on invoices
  for each row execute function invoices_open_rollup();

-- The payments with cash not yet allocated (the unapplied column of aging).
create index if not exists payments_unapplied_idx on payments (customer_id) include (amount, allocated)
  where allocated < amount;
-- The open invoices in "most overdue first" order (outstanding's default page).
create index if not exists invoices_open_due_code_idx on invoices (due_date, invoice_code)
  where voided_at is null and allocated < amount;

-- Rebuilds the daily totals and the open rollups from the raw rows (after a restore or a
-- bulk load with triggers off, or to prove them right). Holds writers off meanwhile.
-- Returns the number of days of ar_daily_totals. Caller: the owner.
create or replace function app.ar_rebuild_daily_totals() returns bigint
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_rows bigint;
begin
  lock table invoices, payment_allocations in share mode;
  lock table ar_daily_totals, ar_customer_balances, ar_open_by_due in exclusive mode;
  delete from ar_daily_totals;
  insert into ar_daily_totals (day, shard, invoiced, applied)
  select day, 0, sum(invoiced), sum(applied)
    from (select invoice_date as day, amount as invoiced, 0::numeric as applied
            from invoices where voided_at is null
          union all
          select effective_date, 0, amount from payment_allocations) m
   group by day;
  get diagnostics v_rows = row_count;
  delete from ar_customer_balances;
  insert into ar_customer_balances (customer_id, open_amount)
  select customer_id, sum(amount - allocated) from invoices
   where voided_at is null and allocated < amount
   group by customer_id;
  delete from ar_open_by_due;
  insert into ar_open_by_due (due_date, shard, open_amount, open_count)
  select due_date, 0, sum(amount - allocated), count(*) from invoices
   where voided_at is null and allocated < amount
   group by due_date;
  return v_rows;
end
$$;
revoke execute on function app.ar_rebuild_daily_totals() from public;

select app.ar_rebuild_daily_totals();

-- Aging of the whole book on a day ≥ today, for the readers of ar_daily_totals: the
-- customers with open invoices or unapplied cash, from the rollups. Equal to
-- app.ar_aging_as_of(p_as_of) (tests/it/ar/rollups.rs); refused for a past day, whose
-- payments dated after it the rollups do not separate.
--
-- The page: the customers with the most open, p_limit of them after p_offset, ordered as
-- the aging report (total desc, name, id). Candidates are the (offset + limit + n) largest
-- balances with ties plus the n customers with invoices dated after the day (whose
-- balance counts invoices not yet issued then, and who are the only ones whose figures
-- differ from the balance), plus those with unapplied cash when the page reaches past the
-- customers with open invoices; their figures are then computed from their own rows.
create or replace function app.ar_aging_book_page(p_as_of date, p_limit integer, p_offset integer)
  returns table (customer_id uuid, current_amount numeric, d1_30 numeric, d31_60 numeric,
                 d61_90 numeric, d90_plus numeric, total numeric, paid_after numeric,
                 unapplied numeric)
  language plpgsql stable
  as $$
#variable_conflict use_column
declare
  v_later uuid[];
  v_open bigint;
begin
  if p_as_of < app.ar_today() then
    raise exception 'the rollups hold today''s open amounts; a past day is read from the raw rows'
      using errcode = '22023';
  end if;
  select coalesce(array_agg(distinct i.customer_id), '{}') into v_later
    from public.invoices i where i.voided_at is null and i.invoice_date > p_as_of;
  select count(*) into v_open
    from (select 1 from public.ar_customer_balances b where b.open_amount > 0
           limit p_offset + p_limit + cardinality(v_later)) x;
  return query
  with cand as (
    (select b.customer_id from public.ar_customer_balances b
      where b.open_amount > 0
      order by b.open_amount desc
      fetch first (p_offset + p_limit + cardinality(v_later)) rows with ties)
    union
    select unnest(v_later)
    union
    select distinct p.customer_id from public.payments p
     where p.allocated < p.amount and v_open - cardinality(v_later) < p_offset + p_limit
  ), fig as (
    select c.customer_id, o.*, u.unapplied
      from cand c
      cross join lateral (
        select sum(i.amount - i.allocated) filter (where i.due_date >= p_as_of) as current_amount,
               sum(i.amount - i.allocated) filter (where p_as_of - i.due_date between 1 and 30) as d1_30,
               sum(i.amount - i.allocated) filter (where p_as_of - i.due_date between 31 and 60) as d31_60,
               sum(i.amount - i.allocated) filter (where p_as_of - i.due_date between 61 and 90) as d61_90,
               sum(i.amount - i.allocated) filter (where p_as_of - i.due_date > 90) as d90_plus,
               sum(i.amount - i.allocated) as total
          from public.invoices i
         where i.customer_id = c.customer_id and i.voided_at is null
           and i.allocated < i.amount and i.invoice_date <= p_as_of) o
      cross join lateral (
        select coalesce((select sum(p.amount - p.allocated) from public.payments p
                          where p.customer_id = c.customer_id and p.allocated < p.amount), 0.00)
             + coalesce((select sum(a.amount) from public.payment_allocations a
                          where c.customer_id = any (v_later) and a.customer_id = c.customer_id
                            and a.effective_date > p_as_of), 0.00) as unapplied) u
  )
  select f.customer_id, coalesce(f.current_amount, 0.00), coalesce(f.d1_30, 0.00),
         coalesce(f.d31_60, 0.00), coalesce(f.d61_90, 0.00), coalesce(f.d90_plus, 0.00),
         coalesce(f.total, 0.00), 0.00::numeric, -f.unapplied
    from fig f join public.customers cu on cu.id = f.customer_id
   where f.total > 0 or f.unapplied > 0
   order by coalesce(f.total, 0.00) desc, cu.company_name, f.customer_id
   limit p_limit offset p_offset;
end
$$;

-- The totals row of that aging, the number of open invoices, and how many customers it
-- has (counted up to p_cap: past it, `customers` is p_cap and `capped` true).
create or replace function app.ar_aging_book_totals(p_as_of date, p_cap integer)
  returns table (customers bigint, capped boolean, current_amount numeric, d1_30 numeric,
                 d31_60 numeric, d61_90 numeric, d90_plus numeric, total numeric,
                 unapplied numeric, open_count bigint)
  language plpgsql stable
  -- Many of these run at once: a parallel scan's workers cost more than they save.
  set max_parallel_workers_per_gather = 0
  as $$
#variable_conflict use_column
declare
  v_later_open numeric;
  v_later_count bigint;
  v_later_customers bigint;
  v_later_applied numeric;
  v_customers bigint;
begin
  if p_as_of < app.ar_today() then
    raise exception 'the rollups hold today''s open amounts; a past day is read from the raw rows'
      using errcode = '22023';
  end if;
  -- Invoices dated after the day: all of them "current" (due on or after their date).
  select coalesce(sum(i.amount - i.allocated) filter (where i.allocated < i.amount), 0),
         count(*) filter (where i.allocated < i.amount), count(distinct i.customer_id)
    into v_later_open, v_later_count, v_later_customers
    from public.invoices i
   where i.voided_at is null and i.invoice_date > p_as_of;
  select coalesce(sum(a.amount), 0) into v_later_applied
    from public.payment_allocations a where a.effective_date > p_as_of;
  -- Customers: those with open invoices, then (a small book) those with unapplied cash;
  -- a customer with invoices dated after the day may count in neither on the day.
  select count(*) into v_customers
    from (select 1 from public.ar_customer_balances b where b.open_amount > 0
           limit p_cap + 1 + v_later_customers) x;
  if v_customers - v_later_customers <= p_cap then
    select count(*) into v_customers
      from (select b.customer_id from public.ar_customer_balances b where b.open_amount > 0
            union
            select p.customer_id from public.payments p where p.allocated < p.amount) x;
    if v_later_customers > 0 and v_customers - v_later_customers <= p_cap then
      select count(*) into v_customers from app.ar_aging_book_page(p_as_of, p_cap + 1, 0);
    end if;
  end if;
  return query
  select least(v_customers, p_cap::bigint), v_customers > p_cap,
         coalesce(sum(t.open_amount) filter (where t.due_date >= p_as_of), 0.00) - v_later_open,
         coalesce(sum(t.open_amount) filter (where p_as_of - t.due_date between 1 and 30), 0.00),
         coalesce(sum(t.open_amount) filter (where p_as_of - t.due_date between 31 and 60), 0.00),
         coalesce(sum(t.open_amount) filter (where p_as_of - t.due_date between 61 and 90), 0.00),
         coalesce(sum(t.open_amount) filter (where p_as_of - t.due_date > 90), 0.00),
         coalesce(sum(t.open_amount), 0.00) - v_later_open,
         -((select coalesce(sum(p.amount - p.allocated), 0.00) from public.payments p
             where p.allocated < p.amount) + v_later_applied),
         coalesce(sum(t.open_count), 0)::bigint - v_later_count
    from public.ar_open_by_due t;
end
$$;

grant execute on function app.ar_aging_book_page(date, integer, integer),
  app.ar_aging_book_totals(date, integer) to cc_staff;

-- The invoices open on a day ≥ today: the today branch of app.ar_invoices_as_of alone,
-- so that a caller's ORDER BY due_date … LIMIT reaches invoices_open_due_code_idx (over
-- the union it cannot). SECURITY INVOKER and inlinable, like app.ar_invoices_as_of.
create or replace function app.ar_invoices_open(p_as_of date)
  returns table (invoice_id uuid, invoice_code text, invoice_number text, customer_id uuid,
                 invoice_date date, due_date date, amount numeric, paid numeric,
                 outstanding numeric, paid_after numeric, days_overdue integer, status text)
  language sql stable
  as $$
    select i.id, i.invoice_code, i.invoice_number, i.customer_id, i.invoice_date, i.due_date,
           i.amount, i.allocated, i.amount - i.allocated, 0.00, p_as_of - i.due_date,
           app.invoice_status(false, i.amount, i.allocated, p_as_of - i.due_date)
      from public.invoices i
     where i.voided_at is null and i.allocated < i.amount and i.invoice_date <= p_as_of
  $$;
grant execute on function app.ar_invoices_open(date) to cc_staff;
