-- Captured from request 01a24eed-75c7-7571-b2d7-bce1c3c04554; replays its SQL as is.
\set r random(1, 2000)
\set k :k + 1
\set n :base + :client_id * 1000000 + :k
BEGIN;
select p.user_id, p.role_name, p.dept_code, p.email, p.full_name, set_config('statement_timeout', :s2p2, true), set_config('app.user_id', p.user_id::text, true), set_config('app.role', p.role_name, true), set_config('app.dept', coalesce(p.dept_code, ''), true), set_config('app.request_id', :request_id, true), set_config('role', 'cc_' || p.role_name, true) from app.auth_principal(:uid) p;
select exists (select 1 from customers where id = (select customer_id from bench_ar_targets where n = :r)) as seen;
insert into payments (customer_id, payment_date, amount, method, reference, created_by) values ((select customer_id from bench_ar_targets where n = :r), :s4p2, :s4p3::text::numeric, :s4p4, :s4p5, app.uid()) returning id as id \gset payment_
select id as id, (amount - allocated)::text as open from invoices where customer_id = (select customer_id from bench_ar_targets where n = :r) and voided_at is null and allocated < amount order by due_date, invoice_date, id for update;
with made as ( insert into payment_allocations (payment_id, invoice_id, customer_id, amount, created_by) select :payment_id, x.invoice_id, (select customer_id from bench_ar_targets where n = :r), x.amount::numeric, app.uid() from unnest((select array[invoice_id] from bench_ar_targets where n = :r)::uuid[], :s6p4::text[]) with ordinality as x (invoice_id, amount, n) order by x.n returning invoice_id, amount) select m.invoice_id as invoice_id, i.invoice_code as invoice_code, m.amount::text as amount from made m join invoices i on i.id = m.invoice_id order by array_position((select array[invoice_id] from bench_ar_targets where n = :r)::uuid[], m.invoice_id);
select p.id, p.payment_code, p.customer_id, c.company_name as customer_name, p.payment_date, p.amount::text as amount, p.allocated::text as allocated, (p.amount - p.allocated)::text as unapplied, p.method, p.reference, p.created_at from payments p join customers c on c.id = p.customer_id where p.id = :payment_id;
COMMIT;
