//! Limits on every door: API keys (unknown keys per client, a token bucket per key),
//! login per client across e-mails, body sizes per route class, request time budgets.
//! Each limit is exercised with Redis, without it, and with Redis unreachable.

mod bodies;

use domain::Role;
use integration_tests::{body, Options, TestApp, PASSWORD};
use reqwest::Response;
use serde_json::json;

/// Where the limits live: in-process, in the test Redis, or "in Redis" that is down.
fn backends() -> [(&'static str, Options); 3] {
    [
        ("in-process", Options::default()),
        (
            "redis",
            Options {
                redis: true,
                ..Options::default()
            },
        ),
        (
            "redis down",
            Options {
                redis: true,
                redis_url: Some("redis://127.0.0.1:9".to_owned()),
                ..Options::default()
            },
        ),
    ]
}

async fn ping(app: &TestApp, key: &str) -> Response {
    app.client
        .get(app.url("/api/v1/integrations/ping"))
        .header("X-API-KEY", key)
        .send()
        .await
        .unwrap()
}

/// 429 in the error envelope with a `Retry-After` of 1 to `max` seconds.
async fn assert_limited(response: Response, max: u64, what: &str) {
    assert_eq!(response.status(), 429, "{what}");
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (1..=max).contains(&retry_after),
        "{what}: Retry-After {retry_after}"
    );
    assert_eq!(body(response).await["code"], "rate_limited", "{what}");
}

#[tokio::test]
async fn twenty_wrong_api_keys_in_a_second_get_429() {
    for (backend, options) in backends() {
        let app = TestApp::spawn_with(options).await;
        let started = std::time::Instant::now();
        let mut statuses = Vec::new();
        for _ in 0..20 {
            let wrong = format!("cck_{}", uuid::Uuid::new_v4().simple());
            let response = ping(&app, &wrong).await;
            statuses.push(response.status().as_u16());
            if response.status() == 429 {
                assert_limited(response, 60, backend).await;
            }
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{backend}"
        );
        assert_eq!(&statuses[..10], &[401; 10], "{backend}");
        assert_eq!(&statuses[10..], &[429; 10], "{backend}");
    }
}

async fn create_key(app: &TestApp, admin: &str, body_json: serde_json::Value) -> Response {
    app.post("/api/v1/api-keys", admin, body_json).await
}

#[tokio::test]
async fn a_valid_key_over_its_rate_gets_429_and_other_keys_go_on() {
    for (backend, options) in backends() {
        let app = TestApp::spawn_with(options).await;
        let admin = app.user(Role::SuperAdmin).await;
        let slow = body(
            create_key(
                &app,
                &admin.token,
                json!({"name": "slow", "scopes": ["tickets:write"], "rate_limit_per_minute": 3}),
            )
            .await,
        )
        .await;
        assert_eq!(slow["rate_limit_per_minute"], 3, "{backend}");
        let other = body(
            create_key(
                &app,
                &admin.token,
                json!({"name": "busy", "scopes": ["tickets:write"]}),
            )
            .await,
        )
        .await;
        assert_eq!(other["rate_limit_per_minute"], 1200, "{backend}");
        let slow_key = slow["key"].as_str().unwrap();
        for n in 0..3 {
            assert_eq!(ping(&app, slow_key).await.status(), 200, "{backend} #{n}");
        }
        // One token every 20 s: the fourth request waits for it.
        assert_limited(ping(&app, slow_key).await, 20, backend).await;
        assert_eq!(
            ping(&app, other["key"].as_str().unwrap()).await.status(),
            200
        );
    }
}

#[tokio::test]
async fn the_rate_of_a_key_is_validated_and_listed() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    for rate in [json!(0), json!(-5), json!(1_000_001), json!("fast")] {
        let response = create_key(
            &app,
            &admin.token,
            json!({"name": "k", "scopes": ["tickets:write"], "rate_limit_per_minute": rate}),
        )
        .await;
        assert_eq!(response.status(), 422, "{rate}");
    }
    let created = create_key(
        &app,
        &admin.token,
        json!({"name": "n8n", "scopes": ["tickets:write"], "rate_limit_per_minute": 600}),
    )
    .await;
    assert_eq!(created.status(), 201);
    let list = body(app.get("/api/v1/api-keys", &admin.token).await).await;
    assert_eq!(list["data"][0]["rate_limit_per_minute"], 600, "{list}");
}

#[tokio::test]
async fn login_from_one_client_across_many_emails_is_limited() {
    for (backend, options) in backends() {
        let app = TestApp::spawn_with(options).await;
        let user = app.user(Role::Salesperson).await;
        for n in 0..20 {
            let email = format!("guess-{n}-{}@example.com", uuid::Uuid::new_v4().simple());
            let response = app.login(&email, "wrong-password").await;
            assert_eq!(response.status(), 401, "{backend} #{n}");
        }
        // The client is paused, even for a right password of an untouched account.
        assert_limited(app.login(&user.email, PASSWORD).await, 900, backend).await;
    }
}
