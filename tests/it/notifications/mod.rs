//! NTF-1 in-app notifications and CRM-5 follow-up reminders sent by the worker; every
//! producer (one test per kind), live delivery, preferences and e-mail.

mod email;
mod import;
mod live;
mod preferences;
mod producers;
mod smtp;

use domain::Role;
use integration_tests::{body, TestApp};
use reqwest::Method;
use serde_json::json;

async fn reminders_of(app: &TestApp, user: uuid::Uuid) -> i64 {
    sqlx::query_scalar(
        "select count(*) from notifications where user_id = $1 and kind = 'task_due'",
    )
    .bind(user)
    .fetch_one(&app.owner)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_due_task_produces_exactly_one_notification_even_when_the_worker_runs_twice() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    let due = app
        .post(
            "/api/v1/tasks",
            &sales.token,
            json!({"title": "Telepon PT Maju", "due_at": "2020-01-01T03:00:00Z"}),
        )
        .await;
    assert_eq!(due.status(), 201);
    let due = body(due).await;
    let later = app
        .post(
            "/api/v1/tasks",
            &sales.token,
            json!({"title": "Nanti saja", "due_at": "2099-01-01T03:00:00Z"}),
        )
        .await;
    assert_eq!(later.status(), 201);

    server::worker::run_once(&app.db).await.unwrap();
    server::worker::run_once(&app.db).await.unwrap();
    // Another reminder run of a later minute (as after a restart) sends nothing again.
    sqlx::query(
        "insert into jobs (kind, dedup_key) values ('task_reminders', 'task_reminders:rerun')",
    )
    .execute(&app.owner)
    .await
    .unwrap();
    server::worker::run_once(&app.db).await.unwrap();
    assert_eq!(reminders_of(&app, sales.id).await, 1);

    let list = body(app.notifications(&sales, "").await).await;
    assert_eq!(list["unread"], 1);
    assert_eq!(list["total"], 1);
    let notification = &list["data"][0];
    assert_eq!(notification["kind"], "task_due");
    assert!(notification["title"]
        .as_str()
        .unwrap()
        .contains("Telepon PT Maju"));

    // Moving the due time re-arms the reminder: one more notification, once.
    let moved = app
        .request(
            Method::PATCH,
            &format!("/api/v1/tasks/{}", due["id"].as_str().unwrap()),
            Some(&sales.token),
            Some(json!({"due_at": "2020-01-02T03:00:00Z", "remind_at": "2020-01-02T02:00:00Z"})),
        )
        .await;
    assert_eq!(moved.status(), 200);
    server::worker::run_once(&app.db).await.unwrap();
    sqlx::query(
        "insert into jobs (kind, dedup_key) values ('task_reminders', 'task_reminders:rerun2')",
    )
    .execute(&app.owner)
    .await
    .unwrap();
    server::worker::run_once(&app.db).await.unwrap();
    assert_eq!(reminders_of(&app, sales.id).await, 2);

    // The task due in 2099 has not been reminded.
    let done: i64 = sqlx::query_scalar("select count(*) from tasks where reminded_at is not null")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(done, 1);
}

#[tokio::test]
async fn users_read_and_mark_only_their_own_notifications() {
    let app = TestApp::spawn().await;
    let a = app.user(Role::Salesperson).await;
    let b = app.user(Role::Salesperson).await;
    let id: uuid::Uuid = sqlx::query_scalar(
        "insert into notifications (user_id, kind, title) values ($1, 'system', 'Halo') returning id",
    )
    .bind(a.id)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    let path = format!("/api/v1/notifications/{id}/read");

    assert_eq!(body(app.notifications(&b, "").await).await["total"], 0);
    assert_eq!(app.post(&path, &b.token, json!({})).await.status(), 404);
    assert_eq!(
        app.post("/api/v1/notifications/read-all", &b.token, json!({}))
            .await
            .status(),
        200
    );
    let unread = body(
        app.get("/api/v1/notifications/unread-count", &a.token)
            .await,
    )
    .await;
    assert_eq!(unread["unread"], 1);

    assert_eq!(app.post(&path, &a.token, json!({})).await.status(), 204);
    let unread = body(
        app.get("/api/v1/notifications/unread-count", &a.token)
            .await,
    )
    .await;
    assert_eq!(unread["unread"], 0);
    // Nobody inserts notifications directly; they come from app.notify.
    let mut tx = app.tx_as(&a).await;
    let direct =
        sqlx::query("insert into notifications (user_id, kind, title) values ($1, 'system', 'x')")
            .bind(b.id)
            .execute(&mut *tx)
            .await;
    assert!(direct.is_err());
}

/// NTF-1: reminders and handovers reach each user in the language of their profile.
#[tokio::test]
async fn notifications_are_written_in_the_recipients_language() {
    let app = TestApp::spawn().await;
    let indonesian = app.user(Role::Salesperson).await;
    let english = app.user(Role::Salesperson).await;
    sqlx::query("update profiles set language = 'en' where id = $1")
        .bind(english.id)
        .execute(&app.owner)
        .await
        .unwrap();
    for user in [&indonesian, &english] {
        let created = app
            .post(
                "/api/v1/tasks",
                &user.token,
                json!({"title": "Kirim penawaran", "due_at": "2020-01-01T03:00:00Z"}),
            )
            .await;
        assert_eq!(created.status(), 201);
    }
    server::worker::run_once(&app.db).await.unwrap();

    let first = |list: serde_json::Value| {
        let n = &list["data"][0];
        (
            n["title"].as_str().unwrap().to_owned(),
            n["body"].as_str().unwrap().to_owned(),
        )
    };
    let (title, text) = first(body(app.notifications(&indonesian, "").await).await);
    assert_eq!(title, "Tindak lanjut: Kirim penawaran");
    assert_eq!(text, "Jatuh tempo 01/01/2020 10:00 WIB");
    let (title, text) = first(body(app.notifications(&english, "").await).await);
    assert_eq!(title, "Follow-up: Kirim penawaran");
    assert_eq!(text, "Due 01 Jan 2020 10:00 WIB");

    // A lead handed over by a manager: the English-speaking salesperson reads English.
    let manager = app.user(Role::MarketingManager).await;
    let lead = app
        .post(
            "/api/v1/leads",
            &manager.token,
            json!({"company_name": "PT Bahasa Uji", "contact_name": "Rina", "channel": "website"}),
        )
        .await;
    assert_eq!(lead.status(), 201);
    let lead = body(lead).await;
    let assigned = app
        .post(
            &format!("/api/v1/leads/{}/assign", lead["lead_id"].as_str().unwrap()),
            &manager.token,
            json!({"sales_owner_user_id": english.id}),
        )
        .await;
    assert_eq!(assigned.status(), 200, "{:?}", body(assigned).await);
    let list = body(app.notifications(&english, "?unread_only=true").await).await;
    let handover = list["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "lead_assigned")
        .expect("a lead_assigned notification");
    assert_eq!(
        handover["title"],
        format!(
            "Lead {} assigned to you",
            lead["lead_code"].as_str().unwrap()
        )
    );
}
