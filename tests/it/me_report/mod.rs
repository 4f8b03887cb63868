//! USR-1: the personal report. Every figure of `GET me/report` equals what the module's
//! own endpoint returns for the same user and period (both called and compared), plus
//! hand-computed expectations; another salesperson's data never counts; a CS agent's
//! report has tickets and no sales sections; a bad period is 422; the export's cells
//! equal the JSON.

mod export;
mod figures;
mod roles;

use chrono::{Duration, Utc};
use integration_tests::{body, TestApp, TestUser};
use serde_json::{json, Value};
use uuid::Uuid;

/// This month in Asia/Jakarta, `YYYY-MM`.
pub fn this_month() -> String {
    domain::jakarta_today().format("%Y-%m").to_string()
}

/// `GET me/report{query}` as `user`, asserting 200.
pub async fn report(app: &TestApp, user: &TestUser, query: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/me/report{query}"), &user.token)
        .await;
    let status = response.status();
    let json = body(response).await;
    assert_eq!(status, 200, "me/report{query}: {json}");
    json
}

/// `GET {path}` as `user`, asserting 200.
pub async fn get_ok(app: &TestApp, user: &TestUser, path: &str) -> Value {
    let response = app.get(path, &user.token).await;
    let status = response.status();
    let json = body(response).await;
    assert_eq!(status, 200, "{path}: {json}");
    json
}

/// The `total` of a module list `GET {path}` (one row asked for).
pub async fn total(app: &TestApp, user: &TestUser, path: &str) -> i64 {
    let sep = if path.contains('?') { '&' } else { '?' };
    get_ok(app, user, &format!("{path}{sep}per_page=1")).await["total"]
        .as_i64()
        .unwrap_or_else(|| panic!("no total for {path}"))
}

/// A lead through the bundle as `user`; returns the bundle's answer.
pub async fn lead(app: &TestApp, user: &TestUser, company: &str, channel: &str) -> Value {
    let response = app
        .create_lead(
            user,
            json!({"company_name": company, "contact_name": "Budi", "channel": channel}),
        )
        .await;
    let status = response.status();
    let created = body(response).await;
    assert_eq!(status, 201, "lead {company}: {created}");
    created
}

/// `POST {path}` as `user`, asserting 201; returns the body.
pub async fn created(app: &TestApp, user: &TestUser, path: &str, payload: Value) -> Value {
    let response = app.post(path, &user.token, payload.clone()).await;
    let status = response.status();
    let json = body(response).await;
    assert_eq!(status, 201, "POST {path} {payload}: {json}");
    json
}

/// A task of `user` due `hours` from now.
pub async fn task(app: &TestApp, user: &TestUser, title: &str, hours: i64) -> Uuid {
    let due = Utc::now() + Duration::hours(hours);
    created(
        app,
        user,
        "/api/v1/tasks",
        json!({"title": title, "due_at": due.to_rfc3339()}),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// The `count` of the entry of `list` whose `key` is `value` (0 when absent).
pub fn count_of(list: &Value, key: &str, value: &str) -> i64 {
    list.as_array()
        .expect("a list")
        .iter()
        .find(|e| e[key] == value)
        .map_or(0, |e| e["count"].as_i64().expect("count"))
}
