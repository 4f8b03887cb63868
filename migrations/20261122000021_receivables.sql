-- Receivables (SPEC §4.7, DSO-1..6): invoices, payments and their allocations, with the
-- invariants held here rather than in handlers:
--  * Σ allocations of a payment ≤ its amount and Σ allocations of an invoice ≤ its amount:
--    `allocated` on both rows is kept by the allocation trigger under the rows' locks and
--    checked by constraints, so concurrent payments cannot over-allocate;
--  * an allocation joins a payment and an invoice of the same customer (composite keys);
--  * nothing is allocated to a void invoice, and an invoice with allocations cannot be
--    voided (both decided under the invoice's row lock);
--  * status is never stored: it is derived as of a day (`app.ar_invoices_as_of`).
-- As-of figures (DSO-2) count an invoice on day D when `invoice_date ≤ D` and it is not
-- void, and a payment's allocations when `payment_date ≤ D`. `ar_daily_totals` keeps the
-- day-by-day sums the DSO series needs, written in the same transaction as each change and
-- rebuildable from the raw rows by `app.ar_rebuild_daily_totals()`.

create table invoices (
  id uuid primary key default gen_random_uuid(),
  invoice_code text not null default next_prefixed_id('INV'),
  invoice_number text,
  customer_id uuid not null references customers (id),
  invoice_date date not null,
  due_date date not null,
  amount numeric(18, 2) not null,
  description text,
  -- kept by payment_allocations_apply(): Σ allocations, and the latest payment date of a
  -- fully allocated invoice (the day it became paid)
  allocated numeric(18, 2) not null default 0,
  settled_on date,
  voided_at timestamptz,
  void_reason text,
  voided_by uuid references profiles (id) on delete set null,
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint invoices_invoice_code_key unique (invoice_code),
  constraint invoices_id_customer_key unique (id, customer_id),
  constraint invoices_number_per_customer_key unique (customer_id, invoice_number),
  constraint invoices_amount_positive check (amount > 0),
  constraint invoices_due_after_invoice check (due_date >= invoice_date),
  constraint invoices_number_present check (invoice_number is null or length(btrim(invoice_number)) between 1 and 60),
  constraint invoices_not_over_allocated check (allocated >= 0 and allocated <= amount),
  constraint invoices_void_needs_reason check (
    (voided_at is null and void_reason is null) or (voided_at is not null and length(btrim(void_reason)) > 0)),
  constraint invoices_void_unallocated check (voided_at is null or allocated = 0)
);
create index invoices_customer_due_idx on invoices (customer_id, due_date, invoice_date);
create index invoices_invoice_date_idx on invoices (invoice_date) include (amount) where voided_at is null;
create index invoices_created_at_idx on invoices (created_at desc);
-- The invoices open on a day D: issued by D and not yet paid in full by payments dated ≤ D.
create index invoices_open_range_idx on invoices
  using gist (daterange(invoice_date, greatest(invoice_date, coalesce(settled_on, 'infinity'::date)), '[)'))
  where voided_at is null;

create table payments (
  id uuid primary key default gen_random_uuid(),
  payment_code text not null default next_prefixed_id('PAY'),
  customer_id uuid not null references customers (id),
  payment_date date not null,
  amount numeric(18, 2) not null,
  method text not null default 'bank_transfer'
    check (method in ('bank_transfer', 'virtual_account', 'cash', 'giro', 'cheque', 'other')),
  reference text,
  -- kept by payment_allocations_apply(): Σ allocations, and the latest effective date of
  -- a fully allocated payment (from when none of it is unapplied cash)
  allocated numeric(18, 2) not null default 0,
  applied_on date,
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payments_payment_code_key unique (payment_code),
  constraint payments_id_customer_key unique (id, customer_id),
  constraint payments_amount_positive check (amount > 0),
  constraint payments_reference_length check (reference is null or length(reference) <= 120),
  constraint payments_not_over_allocated check (allocated >= 0 and allocated <= amount)
);
create index payments_customer_date_idx on payments (customer_id, payment_date);
create index payments_payment_date_idx on payments (payment_date) include (amount);
create index payments_created_at_idx on payments (created_at desc);
-- The payments with unapplied cash on a day D.
create index payments_unapplied_range_idx on payments
  using gist (daterange(payment_date, greatest(payment_date, coalesce(applied_on, 'infinity'::date)), '[)'));

create table payment_allocations (
  id uuid primary key default gen_random_uuid(),
  payment_id uuid not null,
  invoice_id uuid not null,
  customer_id uuid not null,
  amount numeric(18, 2) not null,
  -- copied from the payment and the invoice by the trigger: the day the allocation starts
  -- to count in AR figures is the later of the two
  payment_date date not null,
  effective_date date not null,
  created_by uuid references profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint payment_allocations_amount_positive check (amount > 0),
  constraint payment_allocations_payment_fkey foreign key (payment_id, customer_id)
    references payments (id, customer_id),
  constraint payment_allocations_invoice_fkey foreign key (invoice_id, customer_id)
    references invoices (id, customer_id),
  constraint payment_allocations_once_key unique (payment_id, invoice_id)
);
create index payment_allocations_invoice_idx on payment_allocations (invoice_id, payment_date) include (amount);
create index payment_allocations_payment_idx on payment_allocations (payment_id, effective_date) include (amount);
create index payment_allocations_customer_idx on payment_allocations (customer_id);
create index payment_allocations_effective_idx on payment_allocations (effective_date) include (amount);

-- Day-by-day sums of the whole book: invoiced (non-void invoices by invoice date) and
-- applied (allocations by effective date). Several rows per day (`shard`) so that
-- concurrent writers do not queue on one row; readers sum them.
create table ar_daily_totals (
  day date not null,
  shard smallint not null,
  invoiced numeric(20, 2) not null default 0,
  applied numeric(20, 2) not null default 0,
  constraint ar_daily_totals_pkey primary key (day, shard)
);

create function app.ar_add_daily(p_day date, p_invoiced numeric, p_applied numeric) returns void
  language sql security definer
  set search_path = pg_catalog, public
  as $$
    insert into public.ar_daily_totals as t (day, shard, invoiced, applied)
    values (p_day, (pg_backend_pid() % 8)::smallint, p_invoiced, p_applied)
    on conflict (day, shard) do update
      set invoiced = t.invoiced + excluded.invoiced, applied = t.applied + excluded.applied
  $$;
revoke execute on function app.ar_add_daily(date, numeric, numeric) from public;

-- Codes are fixed; payments and allocations are never edited (a mistake is reversed).
create trigger invoices_keep_code before update on invoices
  for each row execute function keep_code('invoice_code');
create trigger payments_keep_code before update on payments
  for each row execute function keep_code('payment_code');

create function invoices_daily() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
begin
  if tg_op = 'INSERT' then
    if new.voided_at is null then
      perform app.ar_add_daily(new.invoice_date, new.amount, 0);
    end if;
  elsif tg_op = 'DELETE' then
    if old.voided_at is null then
      perform app.ar_add_daily(old.invoice_date, -old.amount, 0);
    end if;
  else
    if old.amount <> new.amount or old.invoice_date <> new.invoice_date
       or old.customer_id <> new.customer_id then
      raise exception 'an invoice''s customer, date and amount are fixed; void it and issue a new one'
        using errcode = '42501';
    end if;
    if old.voided_at is null and new.voided_at is not null then
      perform app.ar_add_daily(old.invoice_date, -old.amount, 0);
    elsif old.voided_at is not null and new.voided_at is null then
      perform app.ar_add_daily(new.invoice_date, new.amount, 0);
    end if;
  end if;
  return null;
end
$$;
revoke execute on function invoices_daily() from public;
create trigger invoices_daily after insert or update or delete on invoices
  for each row execute function invoices_daily();

-- Applies an allocation under the locks of its payment and invoice (payment first, then
-- invoice, in every writer): fills the copied columns, raises the two `allocated` sums
-- (whose constraints refuse over-allocation) and the daily totals.
create function payment_allocations_apply() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_payment record;
  v_invoice record;
begin
  select p.customer_id, p.payment_date into v_payment
    from payments p where p.id = new.payment_id for update;
  select i.customer_id, i.invoice_date, i.voided_at into v_invoice
    from invoices i where i.id = new.invoice_id for update;
  if v_payment is null or v_invoice is null then
    raise exception 'the payment or invoice does not exist'
      using errcode = '23503', constraint = 'payment_allocations_invoice_fkey';
  end if;
  if v_payment.customer_id <> v_invoice.customer_id then
    raise exception 'a payment is allocated only to invoices of its customer'
      using errcode = '23503', constraint = 'payment_allocations_invoice_fkey';
  end if;
  if v_invoice.voided_at is not null then
    raise exception 'nothing is allocated to a void invoice'
      using errcode = '23514', constraint = 'payment_allocations_invoice_not_void';
  end if;
  new.customer_id := v_payment.customer_id;
  new.payment_date := v_payment.payment_date;
  new.effective_date := greatest(v_payment.payment_date, v_invoice.invoice_date);
  update payments p
     set allocated = p.allocated + new.amount,
         applied_on = case when p.allocated + new.amount = p.amount
                           then greatest(new.effective_date,
                                         (select max(a.effective_date) from payment_allocations a
                                           where a.payment_id = p.id))
                      end,
         updated_at = now()
   where p.id = new.payment_id;
  update invoices i
     set allocated = i.allocated + new.amount,
         settled_on = case when i.allocated + new.amount = i.amount
                           then greatest(new.payment_date,
                                         (select max(a.payment_date) from payment_allocations a
                                           where a.invoice_id = i.id))
                      end,
         updated_at = now()
   where i.id = new.invoice_id;
  perform app.ar_add_daily(new.effective_date, 0, new.amount);
  return new;
end
$$;
revoke execute on function payment_allocations_apply() from public;
create trigger payment_allocations_apply before insert on payment_allocations
  for each row execute function payment_allocations_apply();

create function payment_allocations_reverse() returns trigger
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
begin
  perform 1 from payments where id = old.payment_id for update;
  perform 1 from invoices where id = old.invoice_id for update;
  update payments set allocated = allocated - old.amount, applied_on = null, updated_at = now()
   where id = old.payment_id;
  update invoices set allocated = allocated - old.amount, settled_on = null, updated_at = now()
   where id = old.invoice_id;
  perform app.ar_add_daily(old.effective_date, 0, -old.amount);
  return null;
end
$$;
revoke execute on function payment_allocations_reverse() from public;
create trigger payment_allocations_reverse after delete on payment_allocations
  for each row execute function payment_allocations_reverse();

create function payment_allocations_immutable() returns trigger
  language plpgsql
  as $$
begin
  raise exception 'allocations are not edited; reverse one and allocate again' using errcode = '42501';
end
$$;
create trigger payment_allocations_immutable before update on payment_allocations
  for each row execute function payment_allocations_immutable();

create trigger invoices_updated_at before update on invoices
  for each row execute function set_updated_at();
create trigger payments_updated_at before update on payments
  for each row execute function set_updated_at();
create trigger invoices_audit after insert or update or delete on invoices
  for each row execute function audit_row_change();
create trigger payments_audit after insert or update or delete on payments
  for each row execute function audit_row_change();
create trigger payment_allocations_audit after insert or update or delete on payment_allocations
  for each row execute function audit_row_change();

-- Collection tickets (DSO-4): a ticket may name the invoice it chases; one open
-- collection ticket per invoice.
alter table tickets add column related_invoice_id uuid references invoices (id);
create unique index tickets_open_collection_key on tickets (related_invoice_id)
  where related_invoice_id is not null and status <> 'closed';

-- ---------------------------------------------------------------------------------------
-- Security (SPEC §3): finance reads and writes the whole book; super_admin everything;
-- director reads everything and writes nothing; sales managers and salespeople read the
-- AR of the customers in their scope (owned by them or their team, created by them, or
-- with a prospect of theirs, as the customers policy reads); nobody else sees AR.
alter table invoices enable row level security;
alter table payments enable row level security;
alter table payment_allocations enable row level security;
alter table ar_daily_totals enable row level security;

-- The customers whose AR a sales manager or salesperson sees. SECURITY DEFINER so that
-- the invoice policies are one array test per statement rather than a customers lookup
-- per row. Returns ids only. Caller: cc_staff.
create function app.ar_customer_ids() returns uuid[]
  language sql stable security definer
  set search_path = pg_catalog, public
  as $$
    -- The scope once (not per customer row), then three index lookups: owner, creator,
    -- live prospects of the scope.
    with scope as (select app.scope_ids() as ids)
    select coalesce(array_agg(distinct x.id), '{}'::uuid[])
      from (select c.id from public.customers c
             where c.owner_user_id = any ((select ids from scope)::uuid[])
            union all
            select c.id from public.customers c where c.created_by = app.uid()
            union all
            select p.customer_id from public.prospects p
             where p.owner_user_id = any ((select ids from scope)::uuid[]) and p.deleted_at is null) x
  $$;
revoke execute on function app.ar_customer_ids() from public;
grant execute on function app.ar_customer_ids() to cc_staff;

grant select on invoices, payments, payment_allocations to cc_super_admin, cc_director,
  cc_finance_manager, cc_finance_staff, cc_sales_manager, cc_salesperson;
grant insert (customer_id, invoice_number, invoice_date, due_date, amount, description, created_by)
  on invoices to cc_super_admin, cc_finance_manager, cc_finance_staff;
grant update (voided_at, void_reason, voided_by, updated_at)
  on invoices to cc_super_admin, cc_finance_manager, cc_finance_staff;
grant insert (customer_id, payment_date, amount, method, reference, created_by)
  on payments to cc_super_admin, cc_finance_manager, cc_finance_staff;
grant insert (payment_id, invoice_id, customer_id, amount, created_by)
  on payment_allocations to cc_super_admin, cc_finance_manager, cc_finance_staff;
grant delete on invoices, payments, payment_allocations to cc_super_admin;
grant select on ar_daily_totals to cc_super_admin, cc_director, cc_finance_manager, cc_finance_staff;

create policy invoices_all_super_admin on invoices for all to cc_super_admin
  using (true) with check (true);
create policy invoices_select_readers on invoices for select
  to cc_director, cc_finance_manager, cc_finance_staff using (true);
create policy invoices_insert_finance on invoices for insert to cc_finance_manager, cc_finance_staff
  with check (created_by = (select app.uid()));
create policy invoices_update_finance on invoices for update to cc_finance_manager, cc_finance_staff
  using (true) with check (voided_by = (select app.uid()));
create policy invoices_select_sales on invoices for select to cc_sales_manager, cc_salesperson
  using (customer_id = any ((select app.ar_customer_ids())::uuid[]));

create policy payments_all_super_admin on payments for all to cc_super_admin
  using (true) with check (true);
create policy payments_select_readers on payments for select
  to cc_director, cc_finance_manager, cc_finance_staff using (true);
create policy payments_insert_finance on payments for insert to cc_finance_manager, cc_finance_staff
  with check (created_by = (select app.uid()));
create policy payments_select_sales on payments for select to cc_sales_manager, cc_salesperson
  using (customer_id = any ((select app.ar_customer_ids())::uuid[]));

create policy payment_allocations_all_super_admin on payment_allocations for all to cc_super_admin
  using (true) with check (true);
create policy payment_allocations_select_readers on payment_allocations for select
  to cc_director, cc_finance_manager, cc_finance_staff using (true);
create policy payment_allocations_insert_finance on payment_allocations for insert
  to cc_finance_manager, cc_finance_staff
  with check (created_by = (select app.uid()));
create policy payment_allocations_select_sales on payment_allocations for select
  to cc_sales_manager, cc_salesperson
  using (customer_id = any ((select app.ar_customer_ids())::uuid[]));

create policy ar_daily_totals_select_readers on ar_daily_totals for select
  to cc_super_admin, cc_director, cc_finance_manager, cc_finance_staff using (true);

-- Finance handles the tickets addressed to it (collection tickets, DSO-4).
create policy tickets_select_finance_dept on tickets for select to cc_finance_manager, cc_finance_staff
  using (dept_target = 'FIN');
grant update (status, priority, assigned_to_user_id, close_reason, closed_at)
  on tickets to cc_finance_manager, cc_finance_staff;
create policy tickets_update_finance_dept on tickets for update to cc_finance_manager, cc_finance_staff
  using (dept_target = 'FIN') with check (dept_target = 'FIN');
grant insert (related_invoice_id) on tickets to cc_super_admin, cc_sales_manager, cc_salesperson,
  cc_finance_manager, cc_finance_staff;

-- ---------------------------------------------------------------------------------------
-- Today in Asia/Jakarta, the day AR figures default to.
create function app.ar_today() returns date
  language sql stable
  as $$ select (pg_catalog.now() at time zone 'Asia/Jakarta')::date $$;
grant execute on function app.ar_today() to cc_staff;

-- No payment is dated after today (Asia/Jakarta): the as-of reads of today rely on it.
create function payments_not_in_future() returns trigger
  language plpgsql
  set search_path = pg_catalog, public
  as $$
begin
  if new.payment_date > app.ar_today() then
    raise exception 'a payment cannot be dated after today'
      using errcode = '23514', constraint = 'payments_not_in_future';
  end if;
  return new;
end
$$;
create trigger payments_not_in_future before insert on payments
  for each row execute function payments_not_in_future();

-- The invoices open today, most overdue first (outstanding's default page).
create index invoices_open_due_idx on invoices (due_date, invoice_date)
  where voided_at is null and allocated < amount;

-- As-of reads (DSO-2), SECURITY INVOKER: the caller's policies decide which rows count.
-- Plain SQL without a SET clause and with qualified names, so that the planner inlines
-- them and a caller's filters (customer, status, limit) reach the scans inside.

-- DSO-2: the status of an invoice on a day, derived, in this order: void; paid in full;
-- past due with something open; partly paid; unpaid.
create function app.invoice_status(p_voided boolean, p_amount numeric, p_paid numeric,
                                   p_days_overdue integer) returns text
  language sql immutable
  as $$
    select case when p_voided then 'void'
                when p_paid >= p_amount then 'paid'
                when p_days_overdue > 0 then 'overdue'
                when p_paid > 0 then 'partially_paid'
                else 'unpaid' end
  $$;
grant execute on function app.invoice_status(boolean, numeric, numeric, integer) to cc_staff;

-- Every invoice open on p_as_of (issued by then, not void, outstanding > 0 counting the
-- payments dated ≤ p_as_of), with what was paid after that day.
create function app.ar_invoices_as_of(p_as_of date)
  returns table (invoice_id uuid, invoice_code text, invoice_number text, customer_id uuid,
                 invoice_date date, due_date date, amount numeric, paid numeric,
                 outstanding numeric, paid_after numeric, days_overdue integer, status text)
  language sql stable
  as $$
    -- A past day: what was paid by then, from the allocations' payment dates.
    select i.id, i.invoice_code, i.invoice_number, i.customer_id, i.invoice_date, i.due_date,
           i.amount, coalesce(a.paid, 0.00), i.amount - coalesce(a.paid, 0.00),
           coalesce(a.paid_after, 0.00), p_as_of - i.due_date,
           app.invoice_status(false, i.amount, coalesce(a.paid, 0.00), p_as_of - i.due_date)
      from public.invoices i
      left join lateral (
        select sum(x.amount) filter (where x.payment_date <= p_as_of) as paid,
               sum(x.amount) filter (where x.payment_date > p_as_of) as paid_after
          from public.payment_allocations x
         where x.invoice_id = i.id) a on true
     where p_as_of < app.ar_today()
       and i.voided_at is null
       and daterange(i.invoice_date, greatest(i.invoice_date, coalesce(i.settled_on, 'infinity'::date)), '[)')
           @> p_as_of
    union all
    -- Today (or later): no payment is dated after today (payments_not_in_future), so what
    -- was paid is every allocation, kept on the invoice as `allocated`.
    select i.id, i.invoice_code, i.invoice_number, i.customer_id, i.invoice_date, i.due_date,
           i.amount, i.allocated, i.amount - i.allocated, 0.00, p_as_of - i.due_date,
           app.invoice_status(false, i.amount, i.allocated, p_as_of - i.due_date)
      from public.invoices i
     where p_as_of >= app.ar_today()
       and i.voided_at is null and i.allocated < i.amount and i.invoice_date <= p_as_of
  $$;

-- Per customer: the open amounts by bucket of days overdue, what was paid after the day,
-- and the unapplied cash (payments dated ≤ p_as_of not allocated to invoices counted that
-- day), as a negative amount.
create function app.ar_aging_as_of(p_as_of date)
  returns table (customer_id uuid, current_amount numeric, d1_30 numeric, d31_60 numeric,
                 d61_90 numeric, d90_plus numeric, total numeric, paid_after numeric,
                 unapplied numeric)
  language sql stable
  as $$
    with open as (
      select o.customer_id,
             sum(o.outstanding) filter (where o.days_overdue <= 0) as current_amount,
             sum(o.outstanding) filter (where o.days_overdue between 1 and 30) as d1_30,
             sum(o.outstanding) filter (where o.days_overdue between 31 and 60) as d31_60,
             sum(o.outstanding) filter (where o.days_overdue between 61 and 90) as d61_90,
             sum(o.outstanding) filter (where o.days_overdue > 90) as d90_plus,
             sum(o.outstanding) as total,
             sum(o.paid_after) as paid_after
        from app.ar_invoices_as_of(p_as_of) o
       group by o.customer_id
    ), credit as (
      select p.customer_id, sum(p.amount - coalesce(u.used, 0)) as unapplied
        from public.payments p
        left join lateral (
          select sum(x.amount) as used from public.payment_allocations x
           where x.payment_id = p.id and x.effective_date <= p_as_of) u on true
       where daterange(p.payment_date, greatest(p.payment_date, coalesce(p.applied_on, 'infinity'::date)), '[)')
             @> p_as_of
       group by p.customer_id
    )
    select coalesce(o.customer_id, c.customer_id),
           coalesce(o.current_amount, 0.00), coalesce(o.d1_30, 0.00), coalesce(o.d31_60, 0.00),
           coalesce(o.d61_90, 0.00), coalesce(o.d90_plus, 0.00), coalesce(o.total, 0.00),
           coalesce(o.paid_after, 0.00), -coalesce(c.unapplied, 0.00)
      from open o
      full join (select * from credit where unapplied > 0) c on c.customer_id = o.customer_id
  $$;

-- The day-by-day movements behind the DSO figures, from the raw rows the caller sees:
-- before p_from everything is summed into the row of p_from - 1 (the opening balance).
-- Optional filters: one customer, or the customers of one salesperson.
create function app.ar_daily_raw(p_from date, p_to date, p_customer uuid, p_owner uuid)
  returns table (day date, invoiced numeric, applied numeric)
  language sql stable
  as $$
    with scope as (
      select c.id from public.customers c
       where p_owner is not null
         and (c.owner_user_id = p_owner
              or exists (select 1 from public.prospects p where p.customer_id = c.id and p.owner_user_id = p_owner))
    ), moves as (
      select i.invoice_date as day, i.amount as invoiced, 0::numeric as applied
        from public.invoices i
       where i.voided_at is null and i.invoice_date <= p_to
         and (p_customer is null or i.customer_id = p_customer)
         and (p_owner is null or i.customer_id in (select id from scope))
      union all
      select a.effective_date, 0, a.amount
        from public.payment_allocations a
       where a.effective_date <= p_to
         and (p_customer is null or a.customer_id = p_customer)
         and (p_owner is null or a.customer_id in (select id from scope))
    )
    select greatest(m.day, p_from - 1), sum(m.invoiced), sum(m.applied)
      from moves m
     group by 1
  $$;

-- The same movements from ar_daily_totals (the whole book; finance, director, super_admin).
create function app.ar_daily_book(p_from date, p_to date)
  returns table (day date, invoiced numeric, applied numeric)
  language sql stable
  as $$
    select greatest(t.day, p_from - 1), sum(t.invoiced), sum(t.applied)
      from public.ar_daily_totals t
     where t.day <= p_to
     group by 1
  $$;

-- Rebuilds ar_daily_totals from the raw rows (after a restore, or to prove it right).
-- Holds writers off for the duration. Caller: the owner (server operator commands).
create function app.ar_rebuild_daily_totals() returns bigint
  language plpgsql security definer
  set search_path = pg_catalog, public
  as $$
declare
  v_rows bigint;
begin
  lock table invoices, payment_allocations in share mode;
  lock table ar_daily_totals in exclusive mode;
  delete from ar_daily_totals;
  insert into ar_daily_totals (day, shard, invoiced, applied)
  select day, 0, sum(invoiced), sum(applied)
    from (select invoice_date as day, amount as invoiced, 0::numeric as applied
            from invoices where voided_at is null
          union all
          select effective_date, 0, amount from payment_allocations) m
   group by day;
  get diagnostics v_rows = row_count;
  return v_rows;
end
$$;
revoke execute on function app.ar_rebuild_daily_totals() from public;

grant execute on function app.ar_invoices_as_of(date), app.ar_aging_as_of(date),
  app.ar_daily_raw(date, date, uuid, uuid), app.ar_daily_book(date, date) to cc_staff;

-- SPEC-named views of today (Asia/Jakarta) for reporting tools; the API reads the
-- functions above with its `as_of`.
create view v_invoice_outstanding with (security_invoker = true) as
  select * from app.ar_invoices_as_of((now() at time zone 'Asia/Jakarta')::date);
create view v_ar_aging with (security_invoker = true) as
  select * from app.ar_aging_as_of((now() at time zone 'Asia/Jakarta')::date);
create view v_dso_rolling_30 with (security_invoker = true) as
  with totals as (
    select day, sum(invoiced) as invoiced, sum(applied) as applied from ar_daily_totals group by day
  )
  select d.day::date as day, f.ar_balance, f.revenue_30,
         round(f.ar_balance / nullif(f.revenue_30, 0) * 30, 2) as dso
    from generate_series((now() at time zone 'Asia/Jakarta')::date - 182,
                         (now() at time zone 'Asia/Jakarta')::date, interval '1 day') as d (day)
    cross join lateral (
      select coalesce(sum(t.invoiced - t.applied), 0) as ar_balance,
             coalesce(sum(t.invoiced) filter (where t.day > d.day::date - 30), 0) as revenue_30
        from totals t where t.day <= d.day::date) f;
grant select on v_invoice_outstanding, v_ar_aging to cc_super_admin, cc_director,
  cc_finance_manager, cc_finance_staff, cc_sales_manager, cc_salesperson;
grant select on v_dso_rolling_30 to cc_super_admin, cc_director, cc_finance_manager, cc_finance_staff;
