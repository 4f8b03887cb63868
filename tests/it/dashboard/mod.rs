//! DASH-1: the dashboard's figures match the lists they summarise, per role.

mod widgets;

use domain::Role;
use integration_tests::{body, TestApp};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn the_dashboard_counts_what_each_role_may_see() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let mut ids = Vec::new();
    for (subject, priority) in [
        ("A", "urgent"),
        ("B", "high"),
        ("C", "low"),
        ("D", "medium"),
    ] {
        let created = app
            .post(
                "/api/v1/tickets",
                &admin.token,
                json!({"subject": subject, "description": "x", "ticket_type": "general_request",
                       "priority": priority}),
            )
            .await;
        ids.push(
            body(created).await["ticket_id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    // B answered, D closed.
    let answered = app
        .post(
            &format!("/api/v1/tickets/{}/comments", ids[1]),
            &agent.token,
            json!({"comment_text": "Kami cek", "is_internal_note": false}),
        )
        .await;
    assert_eq!(answered.status(), 201);
    let closed = app
        .request(
            Method::PATCH,
            &format!("/api/v1/tickets/{}", ids[3]),
            Some(&admin.token),
            Some(json!({"status": "closed"})),
        )
        .await;
    assert_eq!(closed.status(), 200);
    let logs = json!([
        {"tracking_number": "AWB-D1", "status": "success"},
        {"tracking_number": "AWB-D2", "status": "success"},
        {"tracking_number": "AWB-D3", "status": "failed", "error_message": "x"}
    ]);
    assert_eq!(
        app.post("/api/v1/broadcast-logs", &admin.token, logs)
            .await
            .status(),
        201
    );

    let summary = body(app.dashboard(&admin).await).await;
    assert_eq!(summary["broadcasts_sent_today"], 2);
    assert_eq!(summary["broadcasts_failed_today"], 1);
    assert_eq!(summary["open_tickets"], 3);
    assert_eq!(summary["tickets_closed_today"], 1);
    assert_eq!(summary["high_priority_unhandled"], 1);
    assert_eq!(summary["high_priority_tickets"][0]["id"], ids[0]);
    // The same as the queue shows.
    let open = body(
        app.tickets(&admin, "?status=open,in_progress,pending,on_hold")
            .await,
    )
    .await;
    assert_eq!(open["total"], summary["open_tickets"]);

    // A salesperson: no broadcast figures, none of CS's tickets, their own follow-ups.
    let sales = app.user(Role::Salesperson).await;
    let task = app
        .post(
            "/api/v1/tasks",
            &sales.token,
            json!({"title": "Telepon klien", "due_at": "2020-01-01T03:00:00Z"}),
        )
        .await;
    assert_eq!(task.status(), 201);
    let theirs = body(app.dashboard(&sales).await).await;
    assert!(theirs["broadcasts_sent_today"].is_null());
    assert_eq!(theirs["open_tickets"], 0);
    assert_eq!(theirs["my_tasks_due"], 1);
    assert_eq!(theirs["high_priority_tickets"], json!([]));
}

/// A follow-up due now, written straight into the database: tasks announce no realtime
/// event, so the cache generation stays.
async fn quiet_task(app: &TestApp, owner: uuid::Uuid) {
    sqlx::query(
        "insert into tasks (title, due_at, owner_user_id, created_by) \
         values ('Cache', now() - interval '1 hour', $1, $1)",
    )
    .bind(owner)
    .execute(&app.owner)
    .await
    .unwrap();
}

/// SPEC §2.8: with Redis the dashboard is served from the cache (30 s) until tickets or
/// broadcasts change; without Redis, or with Redis down, it is computed every time.
#[tokio::test]
async fn the_dashboard_is_cached_in_redis_until_something_changes() {
    let app = TestApp::spawn_with(integration_tests::Options {
        redis: true,
        ..Default::default()
    })
    .await;
    let admin = app.user(Role::CsAdmin).await;
    let my_tasks = |summary: serde_json::Value| summary["my_tasks_due"].as_i64().unwrap();
    let first = body(app.dashboard(&admin).await).await;
    assert_eq!(my_tasks(first), 0);
    // Tasks announce nothing: the cached figure stays.
    quiet_task(&app, admin.id).await;
    let cached = body(app.dashboard(&admin).await).await;
    assert_eq!(my_tasks(cached), 0, "served from the cache");
    // A new ticket is announced: every cached dashboard is stale.
    let created = app
        .post(
            "/api/v1/tickets",
            &admin.token,
            json!({"subject": "Baru", "description": "x", "ticket_type": "general_request"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let mut fresh = 0;
    for _ in 0..50 {
        let summary = body(app.dashboard(&admin).await).await;
        if summary["open_tickets"] == 1 {
            fresh = my_tasks(summary);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(fresh, 1, "recomputed after the change");
}

#[tokio::test]
async fn without_redis_or_with_redis_down_the_dashboard_answers_fresh() {
    for options in [
        integration_tests::Options::default(),
        integration_tests::Options {
            redis: true,
            redis_url: Some("redis://127.0.0.1:9/".to_owned()),
            ..Default::default()
        },
    ] {
        let app = TestApp::spawn_with(options).await;
        let admin = app.user(Role::CsAdmin).await;
        let before = body(app.dashboard(&admin).await).await;
        assert_eq!(before["my_tasks_due"], 0);
        quiet_task(&app, admin.id).await;
        let response = app.dashboard(&admin).await;
        assert_eq!(response.status(), 200);
        assert_eq!(body(response).await["my_tasks_due"], 1, "not cached");
    }
}
