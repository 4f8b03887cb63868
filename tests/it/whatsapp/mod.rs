//! WA-1..4: the WhatsApp webhook with real Cloud API bodies (tests/fixtures/whatsapp),
//! the outbound sibling, linking to customers and leads, conversation cycles, and who
//! sees and works which conversation.

mod conversations;
mod webhook;

use domain::Role;
use integration_tests::{body, TestApp};
use reqwest::Response;
use serde_json::{json, Value};

/// A fixture body of tests/fixtures/whatsapp.
pub fn fixture(name: &str) -> Value {
    let path = format!("{}/fixtures/whatsapp/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// An API key with `scopes`, made by a super admin.
pub async fn key(app: &TestApp, scopes: &[&str]) -> String {
    let admin = app.user(Role::SuperAdmin).await;
    let created = app
        .post(
            "/api/v1/api-keys",
            &admin.token,
            json!({"name": "n8n WhatsApp", "scopes": scopes}),
        )
        .await;
    assert_eq!(created.status(), 201);
    body(created).await["key"].as_str().unwrap().to_owned()
}

/// Posts `payload` to `path` (under /api/v1/webhooks/whatsapp) with the key.
pub async fn post(app: &TestApp, key: &str, path: &str, payload: &Value) -> Response {
    app.client
        .post(app.url(&format!("/api/v1/webhooks/whatsapp{path}")))
        .header("X-API-KEY", key)
        .json(payload)
        .send()
        .await
        .unwrap()
}

/// Posts a Cloud API body with the key and returns the answer, asserting 200.
pub async fn deliver(app: &TestApp, key: &str, payload: &Value) -> Value {
    let response = post(app, key, "", payload).await;
    assert_eq!(response.status(), 200, "{:?}", response.text().await);
    body(response).await
}

pub async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.owner).await.unwrap()
}

/// A Cloud API body with one text message from `from` at `timestamp` (unix seconds).
pub fn text_from(from: &str, id: &str, timestamp: i64, text: &str) -> Value {
    json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": "100000000000001", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "6281100000000", "phone_number_id": "110000000000001"},
            "contacts": [{"profile": {"name": "Pelanggan"}, "wa_id": from}],
            "messages": [{"from": from, "id": id, "timestamp": timestamp.to_string(),
                          "type": "text", "text": {"body": text}}]
        }}]}]
    })
}
