//! News (NEWS-1): who reads which post (drafts, scheduled posts and other audiences'
//! posts hidden by list and by id, through the API and in the database), who writes
//! (administrators only: every other role's attempt is refused), field errors all at
//! once, the feed order, soft delete with its audit trail, and the sanitised body.

mod access;
mod demo;
mod writes;

use chrono::{Duration, Utc};
use integration_tests::{body, TestApp, TestUser};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// `POST news` as `user`.
pub async fn post_news(app: &TestApp, user: &TestUser, post: Value) -> (StatusCode, Value) {
    let response = app.post("/api/v1/news", &user.token, post).await;
    let status = response.status();
    (status, body(response).await)
}

/// Creates a post as an administrator, asserting 201; returns its id.
pub async fn created(app: &TestApp, admin: &TestUser, post: Value) -> String {
    let (status, made) = post_news(app, admin, post).await;
    assert_eq!(status, 201, "{made}");
    made["id"].as_str().expect("id").to_owned()
}

/// A post published `days_ago` days ago (negative: scheduled in the future).
pub fn published(title: &str, days_ago: i64) -> Value {
    json!({"title": title, "body": format!("Isi **{title}**"),
           "published_at": (Utc::now() - Duration::days(days_ago)).to_rfc3339()})
}

/// The ids of `GET news{query}` as `user`, asserting 200.
pub async fn feed(app: &TestApp, user: &TestUser, query: &str) -> Vec<String> {
    let response = app.get(&format!("/api/v1/news{query}"), &user.token).await;
    let status = response.status();
    let json = body(response).await;
    assert_eq!(status, 200, "{json}");
    json["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(|n| n["id"].as_str().expect("id").to_owned())
        .collect()
}

/// `method /news/{id}` as `user` with an optional body.
pub async fn on_post(
    app: &TestApp,
    user: &TestUser,
    method: Method,
    id: &str,
    payload: Option<Value>,
) -> (StatusCode, Value) {
    let response = app
        .request(
            method,
            &format!("/api/v1/news/{id}"),
            Some(&user.token),
            payload,
        )
        .await;
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}
