//! PLT-ERR conventions, request ids, security headers, body limits, probes.

use domain::Role;
use integration_tests::{body, Options, TestApp};
use reqwest::Method;

#[tokio::test]
async fn malformed_json_is_a_400_envelope() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body("{\"email\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let error = body(response).await;
    assert_eq!(error["code"], "malformed_json");
    assert!(error["error"].as_str().is_some_and(|m| !m.is_empty()));
    let empty = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .send()
        .await
        .unwrap();
    assert_eq!(empty.status(), 400);
}

#[tokio::test]
async fn unknown_routes_are_404_json() {
    let app = TestApp::spawn().await;
    for path in ["/api/v1/nope", "/api/v2/users", "/nothing-here"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(body(response).await["code"], "not_found", "{path}");
    }
    let user = app.user(Role::SuperAdmin).await;
    let bad_id = app.get("/api/v1/users/not-a-uuid", &user.token).await;
    assert_eq!(bad_id.status(), 404);
    let bad_query = app.users(&user, "?is_active=maybe").await;
    assert_eq!(bad_query.status(), 400);
    assert_eq!(body(bad_query).await["code"], "bad_request");
}

#[tokio::test]
async fn oversized_bodies_get_413() {
    let app = TestApp::spawn_with(Options {
        json_limit_bytes: Some(4096),
        ..Options::default()
    })
    .await;
    let huge = format!(
        "{{\"email\": \"{}@x.com\", \"password\": \"p\"}}",
        "a".repeat(10_000)
    );
    let response = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert_eq!(body(response).await["code"], "payload_too_large");
}

#[tokio::test]
async fn an_unreachable_database_gives_503_not_a_hang() {
    let app = TestApp::spawn_with(Options {
        unreachable_db: true,
        ..Options::default()
    })
    .await;
    let token = app
        .jwt
        .issue(uuid::Uuid::new_v4(), uuid::Uuid::new_v4())
        .unwrap();
    let started = std::time::Instant::now();
    let me = app.get("/api/v1/auth/me", &token).await;
    assert_eq!(me.status(), 503);
    assert_eq!(body(me).await["code"], "service_unavailable");
    let login = app.login("someone@example.com", "whatever-password").await;
    assert_eq!(login.status(), 503);
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 503);
    assert_eq!(body(ready).await["database"], false);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    // The process itself is alive.
    assert_eq!(
        app.client
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn responses_carry_request_ids_and_security_headers() {
    let app = TestApp::spawn().await;
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    let headers = response.headers();
    assert!(headers["x-request-id"].to_str().unwrap().len() >= 32);
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
    let other = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_ne!(
        other.headers()["x-request-id"],
        response.headers()["x-request-id"]
    );
}

#[tokio::test]
async fn cors_allows_only_configured_origins() {
    let app = TestApp::spawn().await; // no origins configured
    let response = app
        .client
        .request(Method::OPTIONS, app.url("/api/v1/auth/login"))
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .send()
        .await
        .unwrap();
    assert!(response
        .headers()
        .get("access-control-allow-origin")
        .is_none());
}

const METRICS_TOKEN: &str = "metrics-token-0123456789";

#[tokio::test]
async fn metrics_need_their_token_and_are_not_public_without_one() {
    let open = TestApp::spawn().await;
    let response = open.client.get(open.url("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(body(response).await["code"], "not_found");

    let guarded = TestApp::spawn_with(Options {
        metrics_token: Some(METRICS_TOKEN.to_owned()),
        ..Options::default()
    })
    .await;
    for token in [None, Some("wrong-token"), Some("")] {
        let mut request = guarded.client.get(guarded.url("/metrics"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401, "{token:?}");
        assert_eq!(body(response).await["code"], "unauthorized");
    }
    let allowed = guarded
        .client
        .get(guarded.url("/metrics"))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(allowed.status(), 200);

    // On a separate internal listener, without a token; still not on the API port.
    let internal = TestApp::spawn_with(Options {
        metrics_listener: true,
        ..Options::default()
    })
    .await;
    let api_port = internal
        .client
        .get(internal.url("/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(api_port.status(), 404);
    let counted = internal
        .client
        .get(internal.url("/api/v1/auth/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(counted.status(), 401);
    let metrics_url = format!("{}/metrics", internal.metrics_address.as_ref().unwrap());
    let scraped = internal.client.get(metrics_url).send().await.unwrap();
    assert_eq!(scraped.status(), 200);
    assert!(scraped
        .text()
        .await
        .unwrap()
        .contains("command_center_http_requests_total"));
}

#[tokio::test]
async fn readiness_metrics_and_docs_are_served() {
    let app = TestApp::spawn_with(Options {
        metrics_token: Some(METRICS_TOKEN.to_owned()),
        ..Options::default()
    })
    .await;
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    let ready = body(ready).await;
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["schema_version"], ready["expected_schema_version"]);

    // Migrations behind the binary: not ready.
    sqlx::query(
        "delete from _sqlx_migrations where version = (select max(version) from _sqlx_migrations)",
    )
    .execute(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        app.client
            .get(app.url("/readyz"))
            .send()
            .await
            .unwrap()
            .status(),
        503
    );

    let metrics = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("command_center_http_requests_total"),
        "{metrics}"
    );
    let spec = body(
        app.client
            .get(app.url("/api/openapi.json"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(spec["paths"]["/api/v1/auth/login"]["post"].is_object());
    let docs = app.client.get(app.url("/api/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), 200);
    assert!(docs.text().await.unwrap().contains("swagger"));
}
