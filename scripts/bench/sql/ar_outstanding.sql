-- Captured from request 01a24eed-591b-7560-98c1-fda0022a6885; replays its SQL as is.
BEGIN;
select p.user_id, p.role_name, p.dept_code, p.email, p.full_name, set_config('statement_timeout', :s2p2, true), set_config('app.user_id', p.user_id::text, true), set_config('app.role', p.role_name, true), set_config('app.dept', coalesce(p.dept_code, ''), true), set_config('app.request_id', :request_id, true), set_config('role', 'cc_' || p.role_name, true) from app.auth_principal(:uid) p;
select count(*), coalesce(sum(o.outstanding), 0)::text from app.ar_invoices_as_of(:s3p1) o join customers c on c.id = o.customer_id where true;
select o.invoice_id, o.invoice_code, o.invoice_number, o.customer_id, c.company_name as customer_name, o.invoice_date, o.due_date, o.amount::text as amount, o.paid::text as paid, o.outstanding::text as outstanding, o.paid_after::text as paid_after, o.days_overdue, o.status from app.ar_invoices_as_of(:s4p1) o join customers c on c.id = o.customer_id where true order by o.days_overdue desc, o.invoice_code limit :s4p2 offset :s4p3;
COMMIT;
