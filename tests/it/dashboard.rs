//! DASH-1: the dashboard's figures match the lists they summarise, per role.

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

    let summary = body(app.get("/api/v1/dashboard/summary", &admin.token).await).await;
    assert_eq!(summary["broadcasts_sent_today"], 2);
    assert_eq!(summary["broadcasts_failed_today"], 1);
    assert_eq!(summary["open_tickets"], 3);
    assert_eq!(summary["tickets_closed_today"], 1);
    assert_eq!(summary["high_priority_unhandled"], 1);
    assert_eq!(summary["high_priority_tickets"][0]["id"], ids[0]);
    // The same as the queue shows.
    let open = body(
        app.get(
            "/api/v1/tickets?status=open,in_progress,pending,on_hold",
            &admin.token,
        )
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
    let theirs = body(app.get("/api/v1/dashboard/summary", &sales.token).await).await;
    assert!(theirs["broadcasts_sent_today"].is_null());
    assert_eq!(theirs["open_tickets"], 0);
    assert_eq!(theirs["my_tasks_due"], 1);
    assert_eq!(theirs["high_priority_tickets"], json!([]));
}
