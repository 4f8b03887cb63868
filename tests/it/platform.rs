//! The database security model (PLT-RLS), audit (PLT-AUDIT) and ids (PLT-ID).

use domain::Role;
use integration_tests::{login_options, TestApp};
use sqlx::{Connection, PgConnection};

#[tokio::test]
async fn every_table_has_row_level_security_enabled() {
    let app = TestApp::spawn().await;
    let tables: Vec<(String, String, bool)> = sqlx::query_as(
        "select n.nspname::text, c.relname::text, c.relrowsecurity from pg_class c \
           join pg_namespace n on n.oid = c.relnamespace \
          where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') \
            and n.nspname not like 'pg_toast%' order by 1, 2",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert!(
        tables.len() >= 10,
        "expected the platform tables, found {tables:?}"
    );
    let without: Vec<_> = tables.iter().filter(|(_, _, rls)| !rls).collect();
    assert!(
        without.is_empty(),
        "tables without row-level security: {without:?}"
    );
}

#[tokio::test]
async fn login_role_owns_nothing_and_cannot_bypass_policies() {
    let app = TestApp::spawn().await;
    let (superuser, bypass, inherit): (bool, bool, bool) = sqlx::query_as(
        "select rolsuper, rolbypassrls, rolinherit from pg_roles where rolname = 'cc_app'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(!superuser && !bypass && !inherit);
    let owned: i64 = sqlx::query_scalar(
        "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname like 'cc\\_%'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(owned, 0, "no cc_* role may own a relation");
    let privileged: i64 = sqlx::query_scalar(
        "select count(*) from pg_roles where rolname like 'cc\\_%' and (rolsuper or rolbypassrls)",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(privileged, 0);
}

#[tokio::test]
async fn login_role_cannot_update_or_delete_audit_logs() {
    let app = TestApp::spawn().await;
    app.user(Role::Director).await; // writes an audit row
    let admin = app.user(Role::SuperAdmin).await;
    let rows: i64 = sqlx::query_scalar("select count(*) from audit_logs")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert!(rows >= 2);

    let mut bare = PgConnection::connect_with(&login_options(&app.database))
        .await
        .unwrap();
    for sql in [
        "update audit_logs set action = 'DELETE'",
        "delete from audit_logs",
        "select * from audit_logs",
    ] {
        let err = sqlx::query(sql).execute(&mut bare).await.expect_err(sql);
        assert!(
            err.to_string().contains("permission denied"),
            "{sql}: {err}"
        );
    }
    // Not even a super admin's request can rewrite history.
    let mut tx = app.tx_as(&admin).await;
    let err = sqlx::query("delete from audit_logs")
        .execute(&mut *tx)
        .await
        .expect_err("delete as super_admin");
    assert!(err.to_string().contains("permission denied"), "{err}");
    drop(tx);
    let mut tx = app.tx_as(&admin).await;
    let err = sqlx::query("update audit_logs set changed_by = null")
        .execute(&mut *tx)
        .await
        .expect_err("update");
    assert!(err.to_string().contains("permission denied"), "{err}");
    drop(tx);
    let after: i64 = sqlx::query_scalar("select count(*) from audit_logs")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(after, rows);
}

#[tokio::test]
async fn outside_the_request_context_nothing_is_readable() {
    let app = TestApp::spawn().await;
    app.user(Role::SuperAdmin).await;
    app.user(Role::Salesperson).await;

    // The bare login role has no privileges on any table.
    let mut bare = PgConnection::connect_with(&login_options(&app.database))
        .await
        .unwrap();
    let err = sqlx::query("select id from profiles")
        .fetch_all(&mut bare)
        .await
        .expect_err("bare select");
    assert!(err.to_string().contains("permission denied"), "{err}");

    // An application role without a user in the context reads zero rows.
    let mut tx = bare.begin().await.unwrap();
    sqlx::query("set local role cc_super_admin")
        .execute(&mut *tx)
        .await
        .unwrap();
    let visible: i64 = sqlx::query_scalar("select count(*) from profiles")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(visible, 0);
    let keys: i64 = sqlx::query_scalar("select count(*) from api_keys")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(keys, 0);
    tx.rollback().await.unwrap();

    // And the password hash is never readable, even with a user in the context.
    let admin = app.user(Role::SuperAdmin).await;
    let mut tx = app.tx_as(&admin).await;
    let err = sqlx::query("select password_hash from profiles")
        .fetch_all(&mut *tx)
        .await
        .expect_err("hash");
    assert!(err.to_string().contains("permission denied"), "{err}");
}

#[tokio::test]
async fn users_cannot_promote_themselves_directly_in_the_database() {
    let app = TestApp::spawn().await;
    let cs_admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;

    let mut tx = app.tx_as(&agent).await;
    let err = sqlx::query("update profiles set role_name = 'super_admin' where id = $1")
        .bind(agent.id)
        .execute(&mut *tx)
        .await
        .expect_err("agent self-promotion");
    assert!(err.to_string().contains("permission denied"), "{err}");
    drop(tx);

    let mut tx = app.tx_as(&cs_admin).await;
    let err = sqlx::query("update profiles set role_name = 'super_admin' where id = $1")
        .bind(cs_admin.id)
        .execute(&mut *tx)
        .await
        .expect_err("cs_admin self-promotion");
    assert!(
        err.to_string().contains("cannot change their own role"),
        "{err}"
    );
    drop(tx);

    let mut tx = app.tx_as(&cs_admin).await;
    let err = sqlx::query("update profiles set role_name = 'director' where id = $1")
        .bind(agent.id)
        .execute(&mut *tx)
        .await
        .expect_err("cs_admin promoting an agent");
    assert!(err.to_string().contains("row-level security"), "{err}");
    drop(tx);

    let mut tx = app.tx_as(&cs_admin).await;
    let updated = sqlx::query("update profiles set full_name = 'Renamed' where id <> $1")
        .bind(cs_admin.id)
        .execute(&mut *tx)
        .await
        .unwrap()
        .rows_affected();
    assert_eq!(updated, 1, "cs_admin reaches the CS agent only");
}

#[tokio::test]
async fn next_prefixed_id_is_unique_under_concurrency() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::SuperAdmin).await;
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let db = app.db.clone();
        let id = user.id;
        tasks.push(tokio::spawn(async move {
            let ctx = persistence::RequestContext::new(persistence::Identity::User(id), "ids");
            let (mut tx, _) = db.begin(&ctx).await.unwrap();
            let code = persistence::ids::next_prefixed_id(&mut tx, "LEAD")
                .await
                .unwrap();
            persistence::commit(tx).await.unwrap();
            code
        }));
    }
    let mut codes = Vec::new();
    for task in tasks {
        codes.push(task.await.unwrap());
    }
    let year = sqlx::query_scalar::<_, i32>(
        "select extract(year from now() at time zone 'Asia/Jakarta')::int",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    let pattern = format!("LEAD-{year}-");
    assert!(
        codes
            .iter()
            .all(|c| c.starts_with(&pattern) && c.len() == pattern.len() + 6),
        "{codes:?}"
    );
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 200);

    let mut tx = app.tx_as(&user).await;
    let err = persistence::ids::next_prefixed_id(&mut tx, "bad prefix")
        .await
        .expect_err("bad prefix");
    assert!(
        matches!(err, persistence::DbError::InvalidValue(_)),
        "{err:?}"
    );
}

/// PLT-ID codes hold no lock until commit: while one transaction that took a code is still
/// open, another takes the next code and commits at once (the lead bundle takes three
/// codes per request and must not queue behind the previous one).
#[tokio::test]
async fn next_prefixed_id_does_not_wait_for_open_transactions() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::SuperAdmin).await;
    // The year's first code creates the sequence (in its own transaction, so only that
    // first one is serialised).
    let mut tx = app.tx_as(&user).await;
    let zeroth = persistence::ids::next_prefixed_id(&mut tx, "CUST")
        .await
        .unwrap();
    persistence::commit(tx).await.unwrap();
    let mut open = app.tx_as(&user).await;
    let first = persistence::ids::next_prefixed_id(&mut open, "CUST")
        .await
        .unwrap();
    let mut other = app.tx_as(&user).await;
    sqlx::query("set local lock_timeout = '1s'")
        .execute(&mut *other)
        .await
        .unwrap();
    let second = persistence::ids::next_prefixed_id(&mut other, "CUST")
        .await
        .expect("the second code does not wait for the first transaction");
    persistence::commit(other).await.unwrap();
    assert!(
        first > zeroth && second > first,
        "{zeroth}, {first}, {second}"
    );
    // A rolled-back code is a gap, never handed out twice.
    open.rollback().await.unwrap();
    let mut again = app.tx_as(&user).await;
    let third = persistence::ids::next_prefixed_id(&mut again, "CUST")
        .await
        .unwrap();
    assert!(
        third > second && third != first,
        "{first}, {second}, {third}"
    );
}

/// CLI-1 `seed --scale N`: N leads, ⌈N/2⌉ customers and prospects by COPY, every lead
/// linked, the dedup keys normalised and unique, codes continuing on a second run, and
/// row-level security scoping the synthetic books like real ones.
#[tokio::test]
async fn scale_seed_adds_crm_leads_with_customers_and_prospects() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let (demo_leads, demo_customers, demo_prospects) = crm_counts(&app).await;
    assert_eq!(server::seed::scale(&app.owner, 1_501).await.unwrap(), 1_501);
    assert_eq!(
        crm_counts(&app).await,
        (
            demo_leads + 1_501,
            demo_customers + 751,
            demo_prospects + 751
        )
    );
    assert_eq!(server::seed::scale(&app.owner, 10).await.unwrap(), 10);
    let (scale_leads, scale_customers, scale_prospects): (i64, i64, i64) = sqlx::query_as(
        "select (select count(*) from leads where lead_code like 'LEAD-S-%'), \
                (select count(*) from customers where customer_code like 'CUST-S-%'), \
                (select count(*) from prospects where prospect_code like 'PRS-S-%')",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        (scale_leads, scale_customers, scale_prospects),
        (1_511, 756, 756)
    );
    let last: String =
        sqlx::query_scalar("select max(lead_code) from leads where lead_code like 'LEAD-S-%'")
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(last, "LEAD-S-000001511");

    // Every lead has its customer and that customer's prospect; two leads per customer.
    let (unlinked, mismatched, bad_keys): (i64, i64, i64) = sqlx::query_as(
        "select count(*) filter (where c.id is null or p.id is null), \
                count(*) filter (where p.customer_id <> l.customer_id \
                                    or p.owner_user_id is distinct from l.sales_owner_user_id), \
                count(*) filter (where c.npwp !~ '^[0-9]{16}$' or c.phone !~ '^\\+62[0-9]{8,13}$' \
                                    or c.email::text <> lower(c.email::text) or c.company_key is null) \
           from leads l left join customers c on c.id = l.customer_id \
           left join prospects p on p.id = l.prospect_id where l.lead_code like 'LEAD-S-%'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!((unlinked, mismatched, bad_keys), (0, 0, 0));
    let max_per_customer: i64 = sqlx::query_scalar(
        "select max(n) from (select count(*) n from leads where lead_code like 'LEAD-S-%' \
          group by customer_id) t",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(max_per_customer, 2);
    let stages: i64 = sqlx::query_scalar(
        "select count(distinct stage) from prospects where prospect_code like 'PRS-S-%'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(stages >= 5, "stages spread: {stages}");

    // The demo salesperson got a book of synthetic leads and RLS shows exactly it.
    let salesperson = app.session("salesperson@demo.local", "demo12345").await;
    let token = salesperson["token"].as_str().unwrap();
    let id: uuid::Uuid = salesperson["user"]["id"].as_str().unwrap().parse().unwrap();
    let own: i64 = sqlx::query_scalar("select count(*) from leads where sales_owner_user_id = $1")
        .bind(id)
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert!(own > 100, "book of {own} leads");
    let page = integration_tests::body(app.get("/api/v1/leads?per_page=25", token).await).await;
    assert_eq!(page["total"], own);
    assert_eq!(page["data"].as_array().unwrap().len(), 25);
}

async fn crm_counts(app: &TestApp) -> (i64, i64, i64) {
    sqlx::query_as(
        "select (select count(*) from leads), (select count(*) from customers), \
                (select count(*) from prospects)",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap()
}

/// CLI-2: the demo's believable month of CRM work, with visit photos in storage.
#[tokio::test]
async fn demo_seed_loads_a_believable_crm_month() {
    let app = TestApp::spawn().await;
    let storage = std::env::temp_dir().join("cc-test-storage");
    assert!(server::seed::demo_with_storage(&app.owner, Some(&storage))
        .await
        .unwrap());
    assert!(!server::seed::demo_with_storage(&app.owner, Some(&storage))
        .await
        .unwrap());
    // The CRM month's own leads: without those new WhatsApp numbers became (the WhatsApp
    // demo's, checked in demo_seed_loads_a_whatsapp_month_through_the_intake).
    let (recent, months, unassigned, repeat, linked): (i64, i64, i64, i64, i64) = sqlx::query_as(
        "select count(*) filter (where l.created_at > now() - interval '30 days' and not l.from_whatsapp), \
                count(distinct date_trunc('month', l.created_at at time zone 'Asia/Jakarta')), \
                count(*) filter (where l.sales_owner_user_id is null and not l.from_whatsapp), \
                count(*) filter (where l.matched_on is not null), \
                count(*) filter (where p.customer_id = l.customer_id) \
           from (select *, notes = $1 as from_whatsapp from leads) l \
           join prospects p on p.id = l.prospect_id",
    )
    .bind(WHATSAPP_LEAD_NOTE)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    let queued: i64 =
        sqlx::query_scalar("select count(*) from leads where sales_owner_user_id is null")
            .fetch_one(&app.owner)
            .await
            .unwrap();
    let total: i64 = sqlx::query_scalar("select count(*) from leads")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert!((50..=70).contains(&recent), "{recent} leads this month");
    assert!(months >= 6, "{months} months of leads");
    assert!(
        (1..=6).contains(&unassigned),
        "{unassigned} in the handover queue"
    );
    assert!(repeat > 0, "some leads share a customer");
    assert_eq!(linked, total);

    // Stage history matches each prospect's stage; lost ones carry their reason.
    let inconsistent: i64 = sqlx::query_scalar(
        "select count(*) from prospects p \
          where p.stage <> (select h.to_stage from prospect_stage_history h where h.prospect_id = p.id \
                             order by h.changed_at desc, h.id desc limit 1) \
             or (p.stage = 'lost') <> (p.lost_reason is not null) \
             or p.furthest_position < (select max(s.position) from prospect_stage_history h \
                                         join pipeline_stages s on s.code = h.to_stage \
                                        where h.prospect_id = p.id)",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(inconsistent, 0);
    let stages: i64 = sqlx::query_scalar("select count(distinct stage) from prospects")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(stages, 7);
    let (rfqs, masked_linked): (i64, i64) = sqlx::query_as(
        "select count(*), count(*) filter (where t.need_customer_masking and l.ticket_id = t.id \
                                             and t.related_customer_id = l.customer_id) \
           from tickets t left join leads l on l.id = t.related_lead_id where t.ticket_type = 'inquiry_tariff'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(
        rfqs >= 2 && rfqs == masked_linked,
        "{rfqs} RFQs, {masked_linked} linked"
    );
    let (overdue, spend_days): (i64, i64) = sqlx::query_as(
        "select (select count(*) from tasks where status = 'open' and due_at < now()), \
                (select count(distinct spend_date) from marketing_spend)",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(overdue > 0);
    assert!(spend_days >= 180);

    // As the salesperson: only their own leads, and their visit photos download.
    let session = app.session("salesperson@demo.local", "demo12345").await;
    let token = session["token"].as_str().unwrap();
    let id: uuid::Uuid = session["user"]["id"].as_str().unwrap().parse().unwrap();
    let own: i64 = sqlx::query_scalar("select count(*) from leads where sales_owner_user_id = $1")
        .bind(id)
        .fetch_one(&app.owner)
        .await
        .unwrap();
    let page = integration_tests::body(app.get("/api/v1/leads?per_page=100", token).await).await;
    assert_eq!(page["total"], own);
    assert!(own >= 20, "{own} leads");
    let photo: uuid::Uuid = sqlx::query_scalar(
        "select evidence_file_id from sales_activities \
          where owner_user_id = $1 and activity_type = 'visit' and evidence_file_id is not null limit 1",
    )
    .bind(id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    let download = app.get(&format!("/api/v1/files/{photo}"), token).await;
    assert_eq!(download.status(), 200);
    assert!(download
        .bytes()
        .await
        .unwrap()
        .starts_with(&[0xFF, 0xD8, 0xFF]));
    // The marketing manager sees every lead, the sales manager the handover queue.
    let manager = app
        .session("marketing_manager@demo.local", "demo12345")
        .await;
    let all = integration_tests::body(
        app.get(
            "/api/v1/leads?per_page=1",
            manager["token"].as_str().unwrap(),
        )
        .await,
    )
    .await;
    assert_eq!(all["total"], total);
    let sales_manager = app.session("sales_manager@demo.local", "demo12345").await;
    let queue = integration_tests::body(
        app.get(
            "/api/v1/leads?unassigned=true",
            sales_manager["token"].as_str().unwrap(),
        )
        .await,
    )
    .await;
    assert_eq!(queue["total"], queued);
}

/// The note `app.wa_link` gives the lead of a number that wrote for the first time.
const WHATSAPP_LEAD_NOTE: &str = "Pesan WhatsApp pertama dari nomor baru.";

/// CLI-2 for ticketing: a month of broadcasts with failures and CS tickets of every type
/// and state, with SLA trails that agree with them; the stamping triggers are back on.
#[tokio::test]
async fn demo_seed_loads_broadcasts_and_tickets_with_their_sla_trail() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let (logs, failed, days, shipments): (i64, i64, i64, i64) = sqlx::query_as(
        "select count(*), count(*) filter (where status = 'failed'), \
                count(distinct (broadcast_at at time zone 'Asia/Jakarta')::date), \
                (select count(*) from shipments) from broadcast_logs",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(logs > 1_000, "{logs} logs");
    assert!(failed * 100 / logs >= 4, "{failed} failed of {logs}");
    assert!(days >= 28, "{days} days");
    assert!(shipments > 800);
    let kinds: Vec<(String, i64)> = sqlx::query_as(
        "select ticket_type || '/' || status, count(*) from tickets group by 1 order by 1",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    for wanted in [
        "complaint/open",
        "complaint/closed",
        "shipment_issue/closed",
        "general_request/closed",
        "inquiry_tariff/open",
        "inquiry_tariff/closed",
    ] {
        assert!(
            kinds.iter().any(|(k, _)| k == wanted),
            "{wanted} in {kinds:?}"
        );
    }
    for state in ["in_progress", "pending", "on_hold"] {
        assert!(
            kinds.iter().any(|(k, _)| k.ends_with(state)),
            "{state} in {kinds:?}"
        );
    }
    // Every ticket opened, every closed one resolved, nothing stamped "now" by mistake.
    let (unopened, unresolved, future, consistent): (i64, i64, i64, i64) = sqlx::query_as(
        "select (select count(*) from tickets t where not exists (select 1 from sla_events e \
                   where e.ticket_id = t.id and e.event_type = 'OPENED')), \
                (select count(*) from tickets t where t.status = 'closed' and not exists \
                   (select 1 from sla_events e where e.ticket_id = t.id and e.event_type = 'RESOLVED')), \
                (select count(*) from sla_events where occurred_at > now()), \
                (select count(*) from v_ticket_sla)",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!((unopened, unresolved, future), (0, 0, 0));
    let unstamped: i64 = sqlx::query_scalar(
        "select count(*) from tickets t where t.first_response_at is distinct from \
           (select e.occurred_at from sla_events e where e.ticket_id = t.id and e.event_type = 'FIRST_RESPONSE')",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(unstamped, 0, "tickets carry their first response");
    assert!(consistent > 100);
    let disabled: i64 = sqlx::query_scalar(
        "select count(*) from pg_trigger where not tgisinternal and tgenabled = 'D'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(disabled, 0, "the stamping triggers are enabled again");
    // The demo agent has a queue.
    let agent = app.session("cs_agent@demo.local", "demo12345").await;
    let queue = integration_tests::body(
        app.get(
            "/api/v1/tickets?assigned_to=me",
            agent["token"].as_str().unwrap(),
        )
        .await,
    )
    .await;
    assert!(queue["total"].as_i64().unwrap() > 3, "{queue}");
}

/// CLI-2 for WhatsApp: a month of conversations fed through the intake (webhook bodies and
/// outbound batches stored and processed), with failures of every error code, three
/// campaigns, new numbers as leads dated by their first message, and conversations left
/// open, pending and resolved as CS left them.
#[tokio::test]
async fn demo_seed_loads_a_whatsapp_month_through_the_intake() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let (conversations, open, pending, resolved, by_bot, unassigned, returning): (
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
    ) = sqlx::query_as(
        "select count(*), count(*) filter (where status = 'open'), \
                count(*) filter (where status = 'pending'), \
                count(*) filter (where status = 'resolved'), \
                count(*) filter (where resolved_by = 'bot'), \
                count(*) filter (where status <> 'resolved' and assigned_to_user_id is null), \
                (select count(*) from (select 1 from conversations group by customer_phone \
                                        having count(*) >= 2) r) \
           from conversations where business_phone_id = '110000000000001'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(conversations >= 200, "{conversations} conversations");
    assert!(
        open >= 1 && pending >= 1 && resolved * 10 >= conversations * 8,
        "open {open}, pending {pending}, resolved {resolved}"
    );
    assert!(by_bot >= 1 && unassigned >= 1 && returning >= 1);
    let (future, unprocessed, disabled): (i64, i64, i64) = sqlx::query_as(
        "select (select count(*) from messages where sent_at > now()), \
                (select count(*) from wa_webhook_events where processed_at is null or processed_at > now()), \
                (select count(*) from pg_trigger where not tgisinternal and tgenabled = 'D')",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!((future, unprocessed, disabled), (0, 0, 0));
    // Failures of every error code the Cloud API reports, kept verbatim.
    let failed: Vec<(String, i64)> = sqlx::query_as(
        "select errors -> 0 ->> 'code', count(*) from messages where status = 'failed' \
          group by 1 order by 1",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    for code in ["130472", "131026", "131047", "131049"] {
        assert!(
            failed.iter().any(|(c, n)| c == code && *n >= 1),
            "{code} in {failed:?}"
        );
    }
    // Three campaigns of 60 to 120 numbers, some of whom answered.
    let campaigns: Vec<(String, i64, i64)> = sqlx::query_as(
        "select c.name::text, count(*), \
                count(*) filter (where exists (select 1 from conversations v \
                                                where v.customer_phone = m.customer_phone \
                                                  and v.opened_at between m.sent_at \
                                                                      and m.sent_at + interval '2 days')) \
           from campaigns c join messages m on m.campaign_id = c.id \
          where m.conversation_id is null group by c.id order by 1",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert_eq!(campaigns.len(), 3, "{campaigns:?}");
    assert!(
        campaigns
            .iter()
            .all(|(_, sent, answered)| (60..=120).contains(sent) && *answered >= 1),
        "{campaigns:?}"
    );
    // New numbers became leads, each linked from its conversation and dated by it.
    let (leads, unlinked, misdated): (i64, i64, i64) = sqlx::query_as(
        "select count(*), count(*) filter (where f.at is null), \
                count(*) filter (where l.created_at is distinct from f.at) \
           from leads l \
           left join lateral (select min(c.opened_at) as at from conversations c \
                               where c.lead_id = l.id) f on true \
          where l.channel = 'whatsapp' and l.notes = $1",
    )
    .bind(WHATSAPP_LEAD_NOTE)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(leads > 50, "{leads} WhatsApp leads");
    assert_eq!((unlinked, misdated), (0, 0));
    // Every CS person has conversations; an agent sees their own and the queue.
    let per_agent: Vec<(String, i64)> = sqlx::query_as(
        "select p.email::text, count(c.id) from profiles p \
           left join conversations c on c.assigned_to_user_id = p.id \
          where p.email in ('cs_agent@demo.local', 'cs_agent2@demo.local', 'cs_admin@demo.local') \
          group by 1 order by 1",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert!(
        per_agent.len() == 3 && per_agent.iter().all(|(_, n)| *n >= 3),
        "{per_agent:?}"
    );
    let agent = app.session("cs_agent@demo.local", "demo12345").await;
    let token = agent["token"].as_str().unwrap();
    let mine =
        integration_tests::body(app.get("/api/v1/conversations?agent=me", token).await).await;
    let queue = integration_tests::body(
        app.get("/api/v1/conversations?agent=unassigned", token)
            .await,
    )
    .await;
    let everything = integration_tests::body(app.get("/api/v1/conversations", token).await).await;
    let (mine, queue) = (
        mine["total"].as_i64().unwrap(),
        queue["total"].as_i64().unwrap(),
    );
    assert!(mine >= 3 && queue >= 1, "mine {mine}, queue {queue}");
    assert_eq!(everything["total"].as_i64().unwrap(), mine + queue);
}
