//! `GET user-events` filters (type, user, Asia/Jakarta days), its export, and the retention.

use domain::Role;
use integration_tests::{body, TestApp, PASSWORD};

use super::insert;

#[tokio::test]
async fn filters_narrow_by_type_user_and_jakarta_days() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let sales = app.user(Role::Salesperson).await;
    insert(&app, "login", Some(sales.id), 0).await;
    insert(&app, "logout", Some(sales.id), 0).await;
    insert(&app, "login", Some(admin.id), 3).await;
    insert(&app, "login_failed", None, 0).await;
    let get = |query: &'static str| {
        let token = admin.token.clone();
        let app = &app;
        async move {
            let response = app
                .get(&format!("/api/v1/user-events{query}"), &token)
                .await;
            assert_eq!(response.status(), 200, "{query}");
            body(response).await
        }
    };
    assert_eq!(get("").await["total"], 4);
    let logins = get("?type=login").await;
    assert_eq!(logins["total"], 2);
    assert!(logins["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["type"] == "login"));
    let mine = app
        .get(
            &format!("/api/v1/user-events?user_id={}", sales.id),
            &admin.token,
        )
        .await;
    let mine = body(mine).await;
    assert_eq!(mine["total"], 2);
    assert_eq!(mine["data"][0]["user_email"], sales.email.as_str());
    let today = domain::jakarta_today();
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let since_today = app
        .get(
            &format!("/api/v1/user-events?from={}", day(today)),
            &admin.token,
        )
        .await;
    assert_eq!(body(since_today).await["total"], 3);
    let three_days_ago = today - chrono::Duration::days(3);
    let that_day = format!(
        "/api/v1/user-events?from={0}&to={0}&type=login",
        day(three_days_ago)
    );
    let that_day = body(app.get(&that_day, &admin.token).await).await;
    assert_eq!(that_day["total"], 1);
    assert_eq!(that_day["data"][0]["user_id"], admin.id.to_string());
    let failed = get("?type=login_failed").await;
    assert_eq!(failed["data"][0]["email"], "someone@test.local");

    let bad = app.get("/api/v1/user-events?type=hack", &admin.token).await;
    assert_eq!(bad.status(), 422);
    assert!(body(bad).await["details"]["type"].is_array());
    let backwards = app
        .get(
            "/api/v1/user-events?from=2026-11-02&to=2026-11-01",
            &admin.token,
        )
        .await;
    assert_eq!(backwards.status(), 422);
}

#[tokio::test]
async fn the_export_is_a_workbook_and_is_itself_recorded() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    app.session(&admin.email, PASSWORD).await;
    let response = app.export(&admin, "user-events", "?type=login").await;
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip");
    let exports = super::events(&app, "export").await;
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0].resource.as_deref(), Some("exports/user-events"));
    assert_eq!(exports[0].details["filters"]["type"], "login");
}

#[tokio::test]
async fn retention_deletes_only_events_older_than_the_setting() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Salesperson).await;
    insert(&app, "login", Some(user.id), 400).await;
    insert(&app, "logout", Some(user.id), 366).await;
    insert(&app, "login", Some(user.id), 364).await;
    insert(&app, "login", Some(user.id), 0).await;
    server::worker::run_once(&app.db).await.unwrap();
    let left: Vec<i32> = sqlx::query_scalar(
        "select (extract(day from now() - occurred_at))::int from user_events order by occurred_at",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert_eq!(left, vec![364, 0]);

    // A shorter setting, through the worker's own role.
    let settings = server::worker::WorkerSettings {
        user_events_retention_days: 30,
    };
    sqlx::query("delete from jobs")
        .execute(&app.owner)
        .await
        .unwrap();
    server::worker::run_once_with(&app.db, &settings)
        .await
        .unwrap();
    let left: i64 = sqlx::query_scalar("select count(*) from user_events")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert_eq!(left, 1);
}
