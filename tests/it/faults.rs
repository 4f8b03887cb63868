//! SPEC §6 Reliability: while the database is unreachable, the pool is exhausted or a
//! statement runs past `statement_timeout`, a request answers a fast 503 with
//! `Retry-After` in the error envelope — never a 500, never a hang — and the next request
//! after the fault succeeds. `make faults` (scripts/faults/) tries the same under load.

use std::time::{Duration, Instant};

use domain::Role;
use integration_tests::{body, Options, TestApp};
use persistence::{DbSettings, Identity, RequestContext};
use reqwest::Response;
use serde_json::json;

/// Asserts a 503 in the error envelope with a whole-seconds `Retry-After`.
async fn assert_unavailable(response: Response, what: &str) {
    assert_eq!(response.status(), 503, "{what}");
    let retry_after = response
        .headers()
        .get("retry-after")
        .unwrap_or_else(|| panic!("{what}: 503 without Retry-After"))
        .to_str()
        .unwrap()
        .parse::<u64>()
        .unwrap_or_else(|_| panic!("{what}: Retry-After is not a number of seconds"));
    assert!((1..=60).contains(&retry_after), "{what}: {retry_after}");
    let error = body(response).await;
    assert_eq!(error["code"], "service_unavailable", "{what}: {error}");
    assert!(error["error"].as_str().is_some_and(|m| !m.is_empty()));
}

fn task(title: &str) -> serde_json::Value {
    json!({ "title": title, "due_at": "2030-01-31T09:00:00Z" })
}

#[tokio::test]
async fn a_database_outage_answers_503_with_retry_after() {
    let app = TestApp::spawn_with(Options {
        unreachable_db: true,
        ..Options::default()
    })
    .await;
    let token = app
        .jwt
        .issue(uuid::Uuid::new_v4(), uuid::Uuid::new_v4())
        .unwrap();
    let started = Instant::now();
    assert_unavailable(app.get("/api/v1/auth/me", &token).await, "GET /auth/me").await;
    let write = app.post("/api/v1/tasks", &token, task("while down")).await;
    assert_unavailable(write, "POST /tasks").await;
    let login = app.login("someone@example.com", "whatever-password").await;
    assert_unavailable(login, "POST /auth/login").await;
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 503);
    assert!(ready.headers().contains_key("retry-after"), "/readyz");
    // Acquire timeout 1 s per request: fast, not a hang.
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn an_exhausted_pool_answers_a_fast_503_then_serves_again() {
    let acquire = Duration::from_millis(300);
    let app = TestApp::spawn_with(Options {
        db_settings: Some(DbSettings {
            max_connections: 2,
            acquire_timeout: acquire,
            statement_timeout: Duration::from_secs(30),
        }),
        ..Options::default()
    })
    .await;
    let user = app.user(Role::Salesperson).await;
    // Hold every connection of the server's pool (the realtime listener may own one).
    let mut held = Vec::new();
    let ctx = RequestContext::new(Identity::User(user.id), "test");
    while held.len() < 2 {
        match app.db.begin(&ctx).await {
            Ok((tx, _)) => held.push(tx),
            Err(err) => {
                assert!(err.is_unavailable(), "{err}");
                break;
            }
        }
    }
    assert!(!held.is_empty());
    for attempt in 0..4 {
        let started = Instant::now();
        let write = app
            .post("/api/v1/tasks", &user.token, task("pool busy"))
            .await;
        assert!(
            started.elapsed() < acquire + Duration::from_secs(2),
            "attempt {attempt} waited {:?}",
            started.elapsed()
        );
        assert_unavailable(write, "POST /tasks with the pool exhausted").await;
    }
    drop(held);
    let write = app
        .post("/api/v1/tasks", &user.token, task("pool free"))
        .await;
    assert_eq!(write.status(), 201);
    let stored: i64 =
        sqlx::query_scalar("select count(*) from tasks where title in ('pool busy', 'pool free')")
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(stored, 1, "only the write that was answered 201 is stored");
}

#[tokio::test]
async fn a_statement_timeout_answers_503_and_the_connection_serves_again() {
    let timeout = Duration::from_millis(500);
    let app = TestApp::spawn_with(Options {
        db_settings: Some(DbSettings {
            max_connections: 2,
            acquire_timeout: Duration::from_secs(5),
            statement_timeout: timeout,
        }),
        ..Options::default()
    })
    .await;
    let user = app.user(Role::Salesperson).await;
    // A writer that never lets go: the request's insert waits until its statement times out.
    let mut blocker = app.owner.begin().await.unwrap();
    sqlx::query("lock table tasks in access exclusive mode")
        .execute(&mut *blocker)
        .await
        .unwrap();
    let started = Instant::now();
    let write = app
        .post("/api/v1/tasks", &user.token, task("slow write"))
        .await;
    let waited = started.elapsed();
    assert!(waited >= timeout, "answered before the timeout: {waited:?}");
    assert!(waited < timeout + Duration::from_secs(3), "{waited:?}");
    assert_unavailable(write, "POST /tasks past statement_timeout").await;
    blocker.rollback().await.unwrap();
    // The same pool (at most two connections) serves the retry and more.
    for attempt in 0..3 {
        let retry = app
            .post("/api/v1/tasks", &user.token, task("slow write"))
            .await;
        assert_eq!(retry.status(), 201, "retry {attempt}");
    }
    let aborted: i64 = sqlx::query_scalar(
        "select count(*) from pg_stat_activity where usename = 'cc_app' and datname = $1 \
           and state = 'idle in transaction (aborted)'",
    )
    .bind(&app.database)
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        aborted, 0,
        "a connection was left in an aborted transaction"
    );
}
