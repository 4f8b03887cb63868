//! One test per producer: the event gives exactly one notification to exactly the right
//! users, nothing to anyone else, and running the producer (or the request) again adds
//! nothing.

use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use serde_json::json;
use uuid::Uuid;

/// (user, link) of every notification of `kind`, in a stable order.
pub async fn sent(app: &TestApp, kind: &str) -> Vec<(Uuid, Option<String>)> {
    sqlx::query_as(
        "select user_id, link from notifications where kind = $1 order by link, user_id, created_at",
    )
    .bind(kind)
    .fetch_all(&app.owner)
    .await
    .unwrap()
}

/// Runs the worker's periodic jobs, then `job` once more under a fresh key (a later run).
async fn run_twice(app: &TestApp, job: &str) {
    server::worker::run_once(&app.db).await.unwrap();
    sqlx::query(
        "insert into jobs (kind, dedup_key) values ($1, $1 || ':rerun:' || gen_random_uuid())",
    )
    .bind(job)
    .execute(&app.owner)
    .await
    .unwrap();
    server::worker::run_once(&app.db).await.unwrap();
}

pub async fn open_ticket(app: &TestApp, by: &TestUser, subject: &str) -> Uuid {
    let created = app
        .post(
            "/api/v1/tickets",
            &by.token,
            json!({"subject": subject, "description": "x", "ticket_type": "general_request",
                   "priority": "low"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    body(created).await["ticket_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_ticket_assigned_to_someone_else_notifies_only_the_new_assignee_once() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let other = app.user(Role::CsAgent).await;
    let ticket = open_ticket(&app, &admin, "Paket rusak").await;
    let link = Some(format!("/ticketing/tickets/{ticket}"));

    let assign = json!({"assigned_to_user_id": agent.id});
    assert_eq!(
        app.update_ticket(&admin, ticket, assign.clone())
            .await
            .status(),
        200
    );
    // The same request again changes nothing and tells nobody again.
    assert_eq!(
        app.update_ticket(&admin, ticket, assign).await.status(),
        200
    );
    assert_eq!(
        sent(&app, "ticket_assigned").await,
        vec![(agent.id, link.clone())]
    );

    // Reassigned: the new assignee hears of it; someone taking it themselves does not.
    let reassign = json!({"assigned_to_user_id": other.id});
    assert_eq!(
        app.update_ticket(&admin, ticket, reassign).await.status(),
        200
    );
    let to_self = json!({"assigned_to_user_id": admin.id});
    assert_eq!(
        app.update_ticket(&admin, ticket, to_self).await.status(),
        200
    );
    let mut expected = vec![(agent.id, link.clone()), (other.id, link)];
    expected.sort();
    let mut got = sent(&app, "ticket_assigned").await;
    got.sort();
    assert_eq!(got, expected);
    let title: String = sqlx::query_scalar(
        "select title from notifications where user_id = $1 and kind = 'ticket_assigned'",
    )
    .bind(other.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert!(title.starts_with("Tiket ") && title.ends_with("ditugaskan kepada Anda"));
}

#[tokio::test]
async fn a_breached_sla_notifies_the_assignee_or_every_cs_admin_once() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let second_admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let bystander = app.user(Role::CsAgent).await;
    let assigned = open_ticket(&app, &admin, "Ditugaskan").await;
    let unassigned = open_ticket(&app, &admin, "Belum ditugaskan").await;
    let change = json!({"assigned_to_user_id": agent.id});
    assert_eq!(
        app.update_ticket(&admin, assigned, change).await.status(),
        200
    );
    // Opened a week ago with a first-response target of one business minute: breached;
    // the resolution target is out of reach.
    sqlx::query("update tickets set created_at = now() - interval '7 days' where id = any($1)")
        .bind(vec![assigned, unassigned])
        .execute(&app.owner)
        .await
        .unwrap();
    sqlx::query(
        "update sla_policies set first_response_minutes = 1, resolution_minutes = 1000000 \
          where ticket_type = 'general_request' and priority = 'low'",
    )
    .execute(&app.owner)
    .await
    .unwrap();

    run_twice(&app, "sla_warnings").await;

    let mut expected = vec![
        (agent.id, Some(format!("/ticketing/tickets/{assigned}"))),
        (admin.id, Some(format!("/ticketing/tickets/{unassigned}"))),
        (
            second_admin.id,
            Some(format!("/ticketing/tickets/{unassigned}")),
        ),
    ];
    expected.sort_by_key(|(user, link)| (link.clone(), *user));
    assert_eq!(sent(&app, "sla_breached").await, expected);
    assert!(!sent(&app, "sla_breached")
        .await
        .iter()
        .any(|(user, _)| *user == bystander.id));
}

async fn invoice(app: &TestApp, customer: Uuid, days_overdue: i32) -> Uuid {
    sqlx::query_scalar(
        "insert into invoices (customer_id, invoice_date, due_date, amount) \
         values ($1, app.ar_today() - $2 - 30, app.ar_today() - $2, 1500000) returning id",
    )
    .bind(customer)
    .bind(days_overdue)
    .fetch_one(&app.owner)
    .await
    .unwrap()
}

#[tokio::test]
async fn an_overdue_invoice_notifies_its_customers_sales_owner_once_per_bucket() {
    let app = TestApp::spawn().await;
    let owner = app.user(Role::Salesperson).await;
    let stranger = app.user(Role::Salesperson).await;
    let finance = app.user(Role::FinanceManager).await;
    let customer = crate::ar::customer(&app, "PT Telat Bayar", Some(owner.id)).await;
    let late = invoice(&app, customer, 12).await;
    // Not yet due, and overdue but paid: nothing.
    let _current = invoice(&app, customer, -5).await;
    let paid = invoice(&app, customer, 20).await;
    sqlx::query(
        "update invoices set allocated = amount, settled_on = app.ar_today() where id = $1",
    )
    .bind(paid)
    .execute(&app.owner)
    .await
    .unwrap();

    run_twice(&app, "daily_notices").await;
    let link = Some(format!("/dso/invoices/{late}"));
    assert_eq!(
        sent(&app, "invoice_overdue").await,
        vec![(owner.id, link.clone())]
    );
    let (title, text): (String, String) =
        sqlx::query_as("select title, body from notifications where kind = 'invoice_overdue'")
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert!(title.contains("12 hari (1-30)"), "{title}");
    assert_eq!(text, "PT Telat Bayar · sisa Rp 1.500.000");

    // Thirty days further overdue it is in the next bucket: one more, once.
    sqlx::query("update invoices set due_date = due_date - 30 where id = $1")
        .bind(late)
        .execute(&app.owner)
        .await
        .unwrap();
    run_twice(&app, "daily_notices").await;
    assert_eq!(
        sent(&app, "invoice_overdue").await,
        vec![(owner.id, link.clone()), (owner.id, link)]
    );
    for user in [&stranger, &finance] {
        assert_eq!(body(app.notifications(user, "").await).await["total"], 0);
    }
}

async fn target(
    app: &TestApp,
    kind: &str,
    user: Uuid,
    from_days_ago: i32,
    to_days_ahead: i32,
    value: i32,
) {
    sqlx::query(
        "insert into kpi_targets (metric_key, assignee_kind, assignee_user_id, period_start, \
                                  period_end, target_value) \
         values ('sales_activities', $1, $2, app.ar_today() - $3, app.ar_today() + $4, $5)",
    )
    .bind(kind)
    .bind(user)
    .bind(from_days_ago)
    .bind(to_days_ahead)
    .bind(value)
    .execute(&app.owner)
    .await
    .unwrap();
}

#[tokio::test]
async fn a_target_behind_at_mid_period_notifies_its_assignee_or_team_manager_once() {
    let app = TestApp::spawn().await;
    let manager = app.user(Role::SalesManager).await;
    let behind = app
        .user_managed_by(Role::Salesperson, Some(manager.id))
        .await;
    let early = app.user(Role::Salesperson).await;
    let on_track = app.user(Role::Salesperson).await;
    // 21 of 26 days gone, no activity yet against 100: behind, for the user and the team.
    target(&app, "user", behind.id, 20, 5, 100).await;
    target(&app, "team", manager.id, 20, 5, 100).await;
    // A tenth of the period gone: too early to tell.
    target(&app, "user", early.id, 2, 25, 100).await;
    // Nothing expected: not behind.
    target(&app, "user", on_track.id, 20, 5, 0).await;

    run_twice(&app, "daily_notices").await;

    let got = sent(&app, "target_at_risk").await;
    let users: Vec<Uuid> = got.iter().map(|(u, _)| *u).collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(users.contains(&behind.id) && users.contains(&manager.id));
    let team_link = got
        .iter()
        .find(|(u, _)| *u == manager.id)
        .and_then(|(_, l)| l.clone())
        .unwrap();
    assert!(team_link.starts_with("/kpi?period="), "{team_link}");
    assert!(team_link.ends_with(&format!(
        "&metric=sales_activities&scope=team:{}",
        manager.id
    )));
}

#[tokio::test]
async fn a_lead_handed_over_notifies_the_new_owner_once_even_when_retried() {
    let app = TestApp::spawn().await;
    let staff = app.user(Role::MarketingStaff).await;
    let manager = app.user(Role::MarketingManager).await;
    let owner = app.user(Role::Salesperson).await;
    let created = app
        .post(
            "/api/v1/leads",
            &staff.token,
            json!({"company_name": "PT Serah Terima", "contact_name": "Rina", "channel": "website"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let lead = body(created).await["lead_id"].as_str().unwrap().to_owned();
    let assign = format!("/api/v1/leads/{lead}/assign");
    let send = |key: &'static str| {
        app.client
            .post(app.url(&assign))
            .bearer_auth(&manager.token)
            .header("Idempotency-Key", key)
            .json(&json!({"sales_owner_user_id": owner.id}))
            .send()
    };
    assert_eq!(send("serah-1").await.unwrap().status(), 200);
    assert_eq!(send("serah-1").await.unwrap().status(), 200);
    // A new request to the same owner is no handover.
    assert_eq!(send("serah-2").await.unwrap().status(), 200);
    assert_eq!(
        sent(&app, "lead_assigned").await,
        vec![(owner.id, Some(format!("/crm/leads/{lead}")))]
    );
}
