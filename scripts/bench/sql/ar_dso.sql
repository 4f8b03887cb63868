-- Captured from request 01a24eed-4b41-7050-bf78-24f77c191c82; replays its SQL as is.
BEGIN;
select p.user_id, p.role_name, p.dept_code, p.email, p.full_name, set_config('statement_timeout', :s2p2, true), set_config('app.user_id', p.user_id::text, true), set_config('app.role', p.role_name, true), set_config('app.dept', coalesce(p.dept_code, ''), true), set_config('app.request_id', :request_id, true), set_config('role', 'cc_' || p.role_name, true) from app.auth_principal(:uid) p;
select day as day, invoiced::text as invoiced, applied::text as applied from app.ar_daily_book(:s3p1, :s3p2);
COMMIT;
