-- Written by hand for GET /api/v1/kpi/scorecard as sales_manager@demo.local (the team of the sales manager: themselves, both demo salespersons and sales support),
-- current month with its six-month trend, before the endpoint could be captured (issue #14 item 7):
-- the statements of crates/persistence/src/kpi/{actuals,scorecard,definitions}.rs.
-- run.sh replaces this file with the captured request once the endpoint answers.
BEGIN;
select p.user_id, p.role_name, p.dept_code, p.email, p.full_name, set_config('statement_timeout', :s2p2, true), set_config('app.user_id', p.user_id::text, true), set_config('app.role', p.role_name, true), set_config('app.dept', coalesce(p.dept_code, ''), true), set_config('app.request_id', :request_id, true), set_config('role', 'cc_' || p.role_name, true) from app.auth_principal(:uid) p;
select app.kpi_may_view(:kind, :uid, NULL) as may, (select p.full_name from profiles p where p.id = :uid) as name, (select p.dept_code from profiles p where p.id = :uid) as dept;
select t.id, t.metric_key, t.assignee_kind as assignee_kind, t.assignee_user_id, null::text as assignee_user_name, t.assignee_dept, t.period_start, t.period_end, t.target_value::text as target_value, t.note, t.created_by, t.created_at, t.updated_at from kpi_targets t where t.assignee_key = app.kpi_assignee_key(:kind, :uid, NULL) and t.period_end >= :first and t.period_start <= :last;
select metric_key, name_id, name_en, owner_role, dept, unit as unit, direction as direction, source as source, aggregation as aggregation, formula from kpi_metric_definitions where is_active order by sort_order, metric_key;
select a.metric_key as metric_key, a.n as n, a.bucket, round(a.value, 2)::text as value from app.kpi_actuals(:metrics::text[], :kind, :uid, NULL, :starts::date[], :ends::date[]) a;
COMMIT;
