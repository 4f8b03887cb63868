//! DASH-2: every widget's number equals the total of the list it links to (the same
//! filter the SPA puts in the link), for each role that has the widget; the AR widget
//! against hand-computed amounts and only over the caller's customers.

use domain::Role;
use integration_tests::{body, TestApp, TestUser};
use reqwest::Method;
use serde_json::{json, Value};

use crate::ar::customer;

/// The list's `total` for `path` as `user` sees it.
async fn total(app: &TestApp, user: &TestUser, path: &str) -> Value {
    let response = app.get(path, &user.token).await;
    assert_eq!(response.status(), 200, "{path}");
    body(response).await["total"].clone()
}

async fn ticket(app: &TestApp, admin: &TestUser, n: usize, priority: &str) -> String {
    let created = app
        .post(
            "/api/v1/tickets",
            &admin.token,
            json!({"subject": format!("Widget {n} {priority}"), "description": "x",
                   "ticket_type": "general_request", "priority": priority}),
        )
        .await;
    assert_eq!(created.status(), 201);
    body(created).await["ticket_id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn every_ticket_broadcast_and_task_widget_equals_its_linked_list() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::CsAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    // Five tickets: two urgent, one high, one low, one medium.
    let mut ids = Vec::new();
    for (n, priority) in ["urgent", "urgent", "high", "low", "medium"]
        .iter()
        .enumerate()
    {
        ids.push(ticket(&app, &admin, n, priority).await);
    }
    // The first urgent one answered (handled), the low and medium ones closed today.
    let answered = app
        .post(
            &format!("/api/v1/tickets/{}/comments", ids[0]),
            &agent.token,
            json!({"comment_text": "Kami cek", "is_internal_note": false}),
        )
        .await;
    assert_eq!(answered.status(), 201);
    for id in &ids[3..] {
        let closed = app
            .request(
                Method::PATCH,
                &format!("/api/v1/tickets/{id}"),
                Some(&admin.token),
                Some(json!({"status": "closed"})),
            )
            .await;
        assert_eq!(closed.status(), 200);
    }
    let logs = json!([
        {"tracking_number": "AWB-W1", "status": "success"},
        {"tracking_number": "AWB-W2", "status": "success"},
        {"tracking_number": "AWB-W3", "status": "success"},
        {"tracking_number": "AWB-W4", "status": "failed", "error_message": "x"},
        {"tracking_number": "AWB-W5", "status": "failed", "error_message": "y"}
    ]);
    let posted = app.post("/api/v1/broadcast-logs", &admin.token, logs).await;
    assert_eq!(posted.status(), 201);
    // A salesperson's follow-ups: one overdue (counted), one due in 2099 (not counted).
    let sales = app.user(Role::Salesperson).await;
    for due in ["2020-01-01T03:00:00Z", "2099-01-01T03:00:00Z"] {
        let task = app
            .post(
                "/api/v1/tasks",
                &sales.token,
                json!({"title": "Telepon", "due_at": due}),
            )
            .await;
        assert_eq!(task.status(), 201);
    }

    let summary = body(app.dashboard(&admin).await).await;
    let today = summary["today"].as_str().unwrap().to_owned();
    // 5 tickets − 2 closed = 3 open; 2 closed today; urgent #2 and high unanswered = 2.
    assert_eq!(summary["open_tickets"], 3);
    assert_eq!(summary["tickets_closed_today"], 2);
    assert_eq!(summary["high_priority_unhandled"], 2);
    assert_eq!(summary["broadcasts_sent_today"], 3);
    assert_eq!(summary["broadcasts_failed_today"], 2);
    assert_eq!(summary["my_tasks_due"], 0);
    // CS has no receivables: the AR widget is absent.
    assert!(summary["ar_overdue_total"].is_null());
    assert!(summary["ar_overdue_invoices"].is_null());

    let open = "open,in_progress,pending,on_hold";
    let lists = [
        ("open_tickets", format!("/api/v1/tickets?status={open}")),
        (
            "tickets_closed_today",
            format!("/api/v1/tickets?closed_from={today}&closed_to={today}"),
        ),
        (
            "high_priority_unhandled",
            format!("/api/v1/tickets?status={open}&priority=high,urgent&unanswered=true"),
        ),
        (
            "broadcasts_sent_today",
            format!("/api/v1/broadcast-logs?status=success&from={today}&to={today}"),
        ),
        (
            "broadcasts_failed_today",
            format!("/api/v1/broadcast-logs?status=failed&from={today}&to={today}"),
        ),
    ];
    for (widget, path) in lists {
        assert_eq!(
            total(&app, &admin, &path).await,
            summary[widget],
            "{widget}"
        );
    }
    // Due by the end of today (Asia/Jakarta) = before tomorrow 00:00 +07:00.
    let tomorrow =
        chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d").unwrap() + chrono::Days::new(1);
    let due = format!("{tomorrow}T00:00:00%2B07:00");
    let selling = body(app.dashboard(&sales).await).await;
    assert_eq!(selling["my_tasks_due"], 1);
    assert_eq!(
        total(
            &app,
            &sales,
            &format!("/api/v1/tasks?owner=me&status=open&due_to={due}")
        )
        .await,
        selling["my_tasks_due"]
    );

    // The agent's widgets count only what the agent may see, and equal the "all" tab.
    let theirs = body(app.dashboard(&agent).await).await;
    assert_eq!(
        total(&app, &agent, &format!("/api/v1/tickets?status={open}")).await,
        theirs["open_tickets"]
    );
}

#[tokio::test]
async fn the_ar_overdue_widget_equals_overdue_outstanding_of_my_customers_only() {
    let app = TestApp::spawn().await;
    let finance = app.user(Role::FinanceManager).await;
    let seller = app.user(Role::Salesperson).await;
    let other = app.user(Role::Salesperson).await;
    let mine = customer(&app, "PT Milik Penjual", Some(seller.id)).await;
    let theirs = customer(&app, "PT Milik Lain", Some(other.id)).await;
    // Mine: 1.500.000,50 due 31/05, 2.000.000 due 30/06 (both overdue), 750.000 due in 2099
    // (not overdue); a FIFO payment of 500.000 goes to the oldest.
    app.invoice_for(&finance, mine, "2026-05-01", "2026-05-31", "1500000.50")
        .await;
    app.invoice_for(&finance, mine, "2026-06-01", "2026-06-30", "2000000")
        .await;
    app.invoice_for(&finance, mine, "2026-06-01", "2099-01-01", "750000")
        .await;
    app.pay_fifo(&finance, mine, "2026-06-10", "500000").await;
    // Theirs: 300.000 overdue.
    app.invoice_for(&finance, theirs, "2026-04-01", "2026-04-30", "300000")
        .await;

    // Finance: (1.500.000,50 − 500.000) + 2.000.000 + 300.000 = 3.300.000,50 over 3 invoices.
    let all = body(app.dashboard(&finance).await).await;
    assert_eq!(all["ar_overdue_total"], "3300000.50");
    assert_eq!(all["ar_overdue_invoices"], 3);
    // The seller: (1.500.000,50 − 500.000) + 2.000.000 = 3.000.000,50 over 2; none of theirs.
    let own = body(app.dashboard(&seller).await).await;
    assert_eq!(own["ar_overdue_total"], "3000000.50");
    assert_eq!(own["ar_overdue_invoices"], 2);
    // The other salesperson sees only their 300.000.
    let other_view = body(app.dashboard(&other).await).await;
    assert_eq!(other_view["ar_overdue_total"], "300000.00");
    assert_eq!(other_view["ar_overdue_invoices"], 1);

    // Each equals the overdue filter of the outstanding list the widget links to.
    for (user, summary) in [(&finance, &all), (&seller, &own), (&other, &other_view)] {
        let list = body(
            app.get("/api/v1/ar/outstanding?status=overdue", &user.token)
                .await,
        )
        .await;
        assert_eq!(list["total"], summary["ar_overdue_invoices"]);
        assert_eq!(list["total_outstanding"], summary["ar_overdue_total"]);
    }
}
