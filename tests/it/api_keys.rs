//! AUTH-4: API keys, and the integration ping that tests them.

use domain::Role;
use integration_tests::{body, TestApp};
use reqwest::Method;
use serde_json::json;

async fn ping(app: &TestApp, key: &str, scope: Option<&str>) -> reqwest::Response {
    let path = match scope {
        Some(scope) => format!("/api/v1/integrations/ping?scope={scope}"),
        None => "/api/v1/integrations/ping".to_owned(),
    };
    app.client
        .get(app.url(&path))
        .header("X-API-KEY", key)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn api_key_lifecycle_create_use_list_revoke() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let response = app
        .post(
            "/api/v1/api-keys",
            &admin.token,
            json!({"name": "n8n broadcast", "scopes": ["broadcast:write"]}),
        )
        .await;
    assert_eq!(response.status(), 201);
    let created = body(response).await;
    let key = created["key"].as_str().unwrap().to_owned();
    assert!(key.starts_with(created["prefix"].as_str().unwrap()));

    let ok = ping(&app, &key, None).await;
    assert_eq!(ok.status(), 200);
    let ok = body(ok).await;
    assert_eq!(ok["key_name"], "n8n broadcast");
    assert_eq!(ok["scopes"], json!(["broadcast:write"]));
    assert_eq!(
        ping(&app, &key, Some("broadcast:write")).await.status(),
        200
    );

    // A key lacking the scope: 403.
    let lacking = ping(&app, &key, Some("tickets:write")).await;
    assert_eq!(lacking.status(), 403);
    assert_eq!(body(lacking).await["code"], "insufficient_scope");

    // Stored hashed: the plaintext appears nowhere in the database.
    let dump: String = sqlx::query_scalar("select string_agg(t::text, '|') from api_keys t")
        .fetch_one(&app.owner)
        .await
        .unwrap();
    assert!(!dump.contains(&key));
    let audit: String =
        sqlx::query_scalar("select coalesce(string_agg(t::text, '|'), '') from audit_logs t")
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert!(!audit.contains(&key));

    let list = body(app.get("/api/v1/api-keys", &admin.token).await).await;
    assert_eq!(list["total"], 1);
    assert!(list["data"][0].get("key").is_none());
    assert!(
        list["data"][0]["last_used_at"].is_string(),
        "last use is recorded: {list}"
    );

    let id = created["id"].as_str().unwrap();
    let revoked = app
        .request(
            Method::DELETE,
            &format!("/api/v1/api-keys/{id}"),
            Some(&admin.token),
            None,
        )
        .await;
    assert_eq!(revoked.status(), 204);
    let after = ping(&app, &key, None).await;
    assert_eq!(after.status(), 401);
    assert_eq!(body(after).await["code"], "unauthorized");
}

#[tokio::test]
async fn unknown_or_missing_keys_get_401_and_tokens_are_not_keys() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    assert_eq!(ping(&app, "cck_not-a-real-key", None).await.status(), 401);
    assert_eq!(
        app.client
            .get(app.url("/api/v1/integrations/ping"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let user = app.user(Role::SuperAdmin).await;
    assert_eq!(ping(&app, &user.token, None).await.status(), 401);
    // And a key is not a bearer token.
    assert_eq!(
        app.get("/api/v1/auth/me", http_api::DEMO_API_KEY)
            .await
            .status(),
        401
    );
    let demo = body(ping(&app, http_api::DEMO_API_KEY, Some("whatsapp:write")).await).await;
    assert_eq!(
        demo["scopes"],
        json!(["tickets:write", "broadcast:write", "whatsapp:write"])
    );
}

#[tokio::test]
async fn only_super_admin_manages_api_keys_and_input_is_validated() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    for role in [Role::Director, Role::CsAdmin, Role::SalesManager] {
        let user = app.user(role).await;
        let create = app
            .post(
                "/api/v1/api-keys",
                &user.token,
                json!({"name": "x", "scopes": ["tickets:write"]}),
            )
            .await;
        assert_eq!(create.status(), 403, "{role}");
        assert_eq!(
            app.get("/api/v1/api-keys", &user.token).await.status(),
            403,
            "{role}"
        );
    }
    let invalid = app
        .post(
            "/api/v1/api-keys",
            &admin.token,
            json!({"name": " ", "scopes": ["admin:all"]}),
        )
        .await;
    assert_eq!(invalid.status(), 422);
    let error = body(invalid).await;
    assert!(error["details"]["name"].is_array() && error["details"]["scopes"].is_array());
    let missing = app
        .request(
            Method::DELETE,
            &format!("/api/v1/api-keys/{}", uuid::Uuid::new_v4()),
            Some(&admin.token),
            None,
        )
        .await;
    assert_eq!(missing.status(), 404);
}
