-- Captured from request 01a24eec-fb82-75a1-a469-858fc13fa7fa; replays its SQL as is.
\set k :k + 1
\set n :base + :client_id * 1000000 + :k
BEGIN;
select k.api_key_id, k.name, k.scopes, set_config('statement_timeout', :s2p2, true), set_config('app.api_key_id', k.api_key_id::text, true), set_config('app.role', 'integration', true), set_config('app.request_id', :request_id, true), set_config('role', 'cc_integration', true) from app.auth_api_key(:s2p1) k;
select status as status, response as response from app.intake_begin(overlay(:fingerprint placing lpad(:n::text, 10, '0') from 1 for 10), :s4p7::timestamptz[], 600);
insert into broadcast_logs (id, tracking_number, consignee_phone, status, message_content, error_message, broadcast_at, api_key_id, created_by) select i, t, p, s, m, e, coalesce(a, now()), :s4p8, NULL from unnest((select array_agg(gen_random_uuid()) from generate_series(1, 1))::uuid[], ('{BENCH' || lpad(:n::text, 10, '0') || '-1}')::text[], ('{+62877' || lpad(:n::text, 10, '0') || '}')::text[], :s4p4::text[], ('{"Paket Anda dalam perjalanan (resi BENCH' || lpad(:n::text, 10, '0') || '-1)"}')::text[], :s4p6::text[], :s4p7::timestamptz[]) as u(i, t, p, s, m, e, a);
select app.intake_complete(overlay(:fingerprint placing lpad(:n::text, 10, '0') from 1 for 10), :s4p7::timestamptz[], :s5p2, :s5p3, :s5p4);
COMMIT;
