//! PLT-RLS for ticketing (SPEC §3, issue #5): every role × (select, insert, update,
//! delete) on tickets, ticket_messages, sla_events, broadcast_logs and shipments, tried
//! directly in the database as that role with its own session context, against the table
//! written below; and BOLA through the API: tickets by id are 404 to whoever may not see
//! them, for GET, PATCH and comments.

use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use reqwest::Method;
use serde_json::json;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// The row was seen, inserted, changed or deleted.
    Allowed,
    /// The statement ran but row-level security hid the row (0 rows).
    Hidden,
    /// SQLSTATE 42501: no privilege, or a new row no policy accepts.
    Denied,
}

const OK: Outcome = Outcome::Allowed;
const RLS: Outcome = Outcome::Hidden;
const NO: Outcome = Outcome::Denied;

/// The target: a CS ticket created by a CS admin and assigned to CS agent A, with a
/// message, its SLA events, and a broadcast of its AWB (with the shipment).
///
/// SPEC §3 in short: super_admin everything (hard deletes included); director reads
/// everything, writes nothing; CS admins all tickets and the broadcast monitor (post logs,
/// no deletes); CS agents their assigned tickets and the unassigned CS queue, and read
/// broadcasts; Operations their department's tickets (not this CS one); CRM and finance
/// roles open tickets and see their own or their customers' (not this one; finance also
/// handles FIN tickets, so an update of this one finds no row); nobody
/// writes SLA events or shipments (triggers do), nobody edits messages or logs.
#[rustfmt::skip]
const MATRIX: &[(&str, [[Outcome; 4]; 5])] = &[
    //                          tickets              ticket_messages      sla_events           broadcast_logs       shipments
    //                          S    I   U    D      S    I   U   D       S    I   U   D       S   I   U   D        S   I   U   D
    ("super_admin",            [[OK,  OK, OK,  OK],  [OK,  OK, NO, OK],  [OK,  NO, NO, NO],  [OK, OK, NO, NO],  [OK, NO, NO, NO]]),
    ("director",               [[OK,  NO, NO,  NO],  [OK,  NO, NO, NO],  [OK,  NO, NO, NO],  [OK, NO, NO, NO],  [OK, NO, NO, NO]]),
    ("marketing_manager",      [[RLS, OK, NO,  NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("marketing_staff",        [[RLS, OK, NO,  NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("sales_manager",          [[RLS, OK, NO,  NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("salesperson",            [[RLS, OK, NO,  NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("sales_support",          [[RLS, OK, NO,  NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("ops_exim",               [[RLS, NO, RLS, NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("ops_domestic",           [[RLS, NO, RLS, NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("ops_import_dtd",         [[RLS, NO, RLS, NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("ops_warehouse",          [[RLS, NO, RLS, NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("finance_manager",        [[RLS, OK, RLS, NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("finance_staff",          [[RLS, OK, RLS, NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [NO, NO, NO, NO],  [NO, NO, NO, NO]]),
    ("cs_admin",               [[OK,  OK, OK,  NO],  [OK,  OK, NO, NO],  [OK,  NO, NO, NO],  [OK, OK, NO, NO],  [OK, NO, NO, NO]]),
    ("cs_agent A (assignee)",  [[OK,  OK, OK,  NO],  [OK,  OK, NO, NO],  [OK,  NO, NO, NO],  [OK, NO, NO, NO],  [OK, NO, NO, NO]]),
    ("cs_agent B (other)",     [[RLS, OK, RLS, NO],  [RLS, NO, NO, NO],  [RLS, NO, NO, NO],  [OK, NO, NO, NO],  [OK, NO, NO, NO]]),
];

struct Fixture {
    ticket: Uuid,
    message: Uuid,
    log: Uuid,
}

const AWB: &str = "AWB-RLS-1";

/// Statements per table: select (count of the target), insert (a row of the actor's own),
/// update and delete (of the target). `$1` is the id the statement is about.
fn statements(table: &str, f: &Fixture) -> [(String, Option<Uuid>); 4] {
    match table {
        "tickets" => [
            (
                "select count(*) from tickets where id = $1".into(),
                Some(f.ticket),
            ),
            (
                "insert into tickets (ticket_type, dept_target, subject, description, created_by) \
                 values ('general_request', 'CS', 'RLS', 'x', app.uid())"
                    .into(),
                None,
            ),
            (
                "update tickets set priority = 'high' where id = $1".into(),
                Some(f.ticket),
            ),
            ("delete from tickets where id = $1".into(), Some(f.ticket)),
        ],
        "ticket_messages" => [
            (
                "select count(*) from ticket_messages where id = $1".into(),
                Some(f.message),
            ),
            (
                "insert into ticket_messages (ticket_id, author_user_id, comment_text) \
                 values ($1, app.uid(), 'RLS')"
                    .into(),
                Some(f.ticket),
            ),
            (
                "update ticket_messages set comment_text = 'x' where id = $1".into(),
                Some(f.message),
            ),
            (
                "delete from ticket_messages where id = $1".into(),
                Some(f.message),
            ),
        ],
        "sla_events" => [
            (
                "select count(*) from sla_events where ticket_id = $1".into(),
                Some(f.ticket),
            ),
            (
                "insert into sla_events (ticket_id, event_type) values ($1, 'OPENED')".into(),
                Some(f.ticket),
            ),
            (
                "update sla_events set to_value = 'x' where ticket_id = $1".into(),
                Some(f.ticket),
            ),
            (
                "delete from sla_events where ticket_id = $1".into(),
                Some(f.ticket),
            ),
        ],
        "broadcast_logs" => [
            (
                "select count(*) from broadcast_logs where id = $1".into(),
                Some(f.log),
            ),
            (
                "insert into broadcast_logs (tracking_number, status, created_by) \
                 values ('AWB-RLS-NEW', 'success', app.uid())"
                    .into(),
                None,
            ),
            (
                "update broadcast_logs set error_message = 'x' where id = $1".into(),
                Some(f.log),
            ),
            (
                "delete from broadcast_logs where id = $1".into(),
                Some(f.log),
            ),
        ],
        _ => [
            (
                format!("select count(*) from shipments where tracking_number = '{AWB}'"),
                None,
            ),
            (
                "insert into shipments (tracking_number, last_status, last_broadcast_at) \
                 values ('AWB-RLS-NEW', 'success', now())"
                    .into(),
                None,
            ),
            (
                format!("update shipments set last_error = 'x' where tracking_number = '{AWB}'"),
                None,
            ),
            (
                format!("delete from shipments where tracking_number = '{AWB}'"),
                None,
            ),
        ],
    }
}

async fn attempt(
    app: &TestApp,
    actor: &TestUser,
    sql: &str,
    id: Option<Uuid>,
    select: bool,
) -> Outcome {
    let mut tx = app.tx_as(actor).await;
    let result = if select {
        let mut q = sqlx::query_scalar::<_, i64>(sql);
        if let Some(id) = id {
            q = q.bind(id);
        }
        q.fetch_one(&mut *tx)
            .await
            .map(|n| u64::try_from(n).unwrap_or(0))
    } else {
        let mut q = sqlx::query(sql);
        if let Some(id) = id {
            q = q.bind(id);
        }
        q.execute(&mut *tx).await.map(|r| r.rows_affected())
    };
    match result {
        Ok(0) => Outcome::Hidden,
        Ok(_) => Outcome::Allowed,
        Err(err) => {
            let code = err
                .as_database_error()
                .and_then(|e| e.code())
                .map(|c| c.into_owned());
            assert_eq!(code.as_deref(), Some("42501"), "{sql}: {err}");
            Outcome::Denied
        }
    }
}

async fn fixture(app: &TestApp, admin: &TestUser, agent: &TestUser) -> Fixture {
    let created = app
        .post(
            "/api/v1/tickets",
            &admin.token,
            json!({"subject": "Paket tertahan", "description": "x", "tracking_number": AWB}),
        )
        .await;
    let ticket: Uuid = body(created).await["ticket_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let assigned = app
        .update_ticket(admin, &ticket, json!({"assigned_to_user_id": agent.id}))
        .await;
    assert_eq!(assigned.status(), 200);
    let message = app
        .post(
            &format!("/api/v1/tickets/{ticket}/comments"),
            &agent.token,
            json!({"comment_text": "Sedang dicek"}),
        )
        .await;
    let message: Uuid = body(message).await["id"].as_str().unwrap().parse().unwrap();
    let logged = app
        .post(
            "/api/v1/broadcast-logs",
            &admin.token,
            json!({"tracking_number": AWB, "status": "failed", "error_message": "Timeout"}),
        )
        .await;
    let log: Uuid = body(logged).await["log_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    Fixture {
        ticket,
        message,
        log,
    }
}

#[tokio::test]
async fn every_role_meets_the_ticketing_matrix_in_the_database() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent_a = app.user(Role::CsAgent).await;
    let agent_b = app.user(Role::CsAgent).await;
    let f = fixture(&app, &admin, &agent_a).await;
    let tables = [
        "tickets",
        "ticket_messages",
        "sla_events",
        "broadcast_logs",
        "shipments",
    ];
    let mut failures = Vec::new();
    for (label, expected) in MATRIX {
        let other;
        let actor = match *label {
            "cs_admin" => &admin,
            "cs_agent A (assignee)" => &agent_a,
            "cs_agent B (other)" => &agent_b,
            name => {
                other = app.user(name.parse::<Role>().unwrap()).await;
                &other
            }
        };
        for (t, table) in tables.iter().enumerate() {
            for (o, (sql, id)) in statements(table, &f).iter().enumerate() {
                let got = attempt(&app, actor, sql, *id, o == 0).await;
                if got != expected[t][o] {
                    failures.push(format!(
                        "{label} {table} {}: expected {:?}, got {got:?}",
                        ["select", "insert", "update", "delete"][o],
                        expected[t][o]
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn tickets_by_id_are_404_to_whoever_may_not_see_them() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent_a = app.user(Role::CsAgent).await;
    let f = fixture(&app, &admin, &agent_a).await;
    let path = format!("/api/v1/tickets/{}", f.ticket);
    for role in [
        Role::CsAgent,
        Role::Salesperson,
        Role::MarketingStaff,
        Role::OpsExim,
        Role::FinanceStaff,
    ] {
        let user = app.user(role).await;
        assert_eq!(
            app.get(&path, &user.token).await.status(),
            404,
            "{role:?} GET"
        );
        let change = app
            .request(
                Method::PATCH,
                &path,
                Some(&user.token),
                Some(json!({"priority": "urgent"})),
            )
            .await
            .status();
        assert!(change == 404 || change == 403, "{role:?} PATCH: {change}");
        let comment = app
            .post(
                &format!("{path}/comments"),
                &user.token,
                json!({"comment_text": "Halo"}),
            )
            .await;
        assert_eq!(comment.status(), 404, "{role:?} comment");
    }
    let untouched: (String, i64) = sqlx::query_as(
        "select priority, (select count(*) from ticket_messages where ticket_id = $1) \
           from tickets where id = $1",
    )
    .bind(f.ticket)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(untouched, ("medium".to_owned(), 1));
}
