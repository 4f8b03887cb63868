-- Captured from request 01a24eec-f6a5-7222-a4da-295cd19e5185; replays its SQL as is.
\set k :k + 1
\set n :base + :client_id * 1000000 + :k
BEGIN;
select p.user_id, p.role_name, p.dept_code, p.email, p.full_name, set_config('statement_timeout', :s2p2, true), set_config('app.user_id', p.user_id::text, true), set_config('app.role', p.role_name, true), set_config('app.dept', coalesce(p.dept_code, ''), true), set_config('app.request_id', :request_id, true), set_config('role', 'cc_' || p.role_name, true) from app.auth_principal(:uid) p;
select customer_id as customer_id, matched_on from app.crm_find_or_create_customer(('88' || lpad(:n::text, 10, '0') || '0000'), ('bench-' || lpad(:n::text, 10, '0') || '@bench.local'), ('+62877' || lpad(:n::text, 10, '0')), ('bench ' || lpad(:n::text, 10, '0') || ' logistik'), ('PT Bench ' || lpad(:n::text, 10, '0') || ' Logistik'), ('Bench ' || lpad(:n::text, 10, '0')), NULL) \gset
select app.crm_find_or_create_prospect(:customer_id, NULL, NULL) as prospect_id \gset
insert into leads (channel, channel_raw, utm_source, utm_medium, utm_campaign, company_name, contact_name, email, phone, npwp, service_interest, notes, need_rfq, rfq, customer_id, prospect_id, matched_on, marketing_owner_user_id, sales_owner_user_id, assigned_at, created_by) values (app.resolve_channel(:s5p1), :s5p1, :s5p2, NULL, NULL, ('PT Bench ' || lpad(:n::text, 10, '0') || ' Logistik'), ('Bench ' || lpad(:n::text, 10, '0')), ('bench-' || lpad(:n::text, 10, '0') || '@bench.local'), ('+62877' || lpad(:n::text, 10, '0')), ('88' || lpad(:n::text, 10, '0') || '0000'), NULL, '', :s5p12, NULL, :customer_id, :prospect_id, NULL, :uid, NULL, case when NULL::uuid is null then null else now() end, :uid) returning id, lead_code \gset
select customer_code, company_name from customers where id = :customer_id;
COMMIT;
