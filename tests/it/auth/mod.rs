//! AUTH-1, AUTH-2: login, tokens, refresh rotation, logout, me, change password.

mod sessions;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use domain::Role;
use integration_tests::{body, Options, TestApp, JWT_SECRET, PASSWORD};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn every_demo_role_can_log_in_and_sees_its_menus() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let emails: Vec<String> = Role::ALL
        .iter()
        .map(|r| format!("{}@demo.local", r.as_str()))
        .chain([
            "salesperson2@demo.local".to_owned(),
            "cs_agent2@demo.local".to_owned(),
        ])
        .collect();
    for email in &emails {
        let session = app.session(email, "demo12345").await;
        let role = session["user"]["role"].as_str().unwrap().to_owned();
        assert!(email.starts_with(&role), "{email} has role {role}");
        assert!(session["refresh_token"]
            .as_str()
            .is_some_and(|t| t.len() > 30));
        assert!(session["user"]["id"].is_string() && session["user"]["full_name"].is_string());
        let me = body(
            app.get("/api/v1/auth/me", session["token"].as_str().unwrap())
                .await,
        )
        .await;
        assert_eq!(me["email"], email.as_str());
        let expected = serde_json::to_value(role.parse::<Role>().unwrap().menus()).unwrap();
        assert_eq!(me["menus"], expected, "menus of {role}");
    }
    // The team structure of CLI-2.
    let teams: Vec<(String, String)> = sqlx::query_as(
        "select p.email::text, m.email::text from profiles p join profiles m on m.id = p.manager_user_id \
          where p.email in ('salesperson@demo.local', 'salesperson2@demo.local', 'cs_agent@demo.local', \
                            'cs_agent2@demo.local') order by 1",
    )
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert_eq!(
        teams,
        vec![
            (
                "cs_agent2@demo.local".to_owned(),
                "cs_admin@demo.local".to_owned()
            ),
            (
                "cs_agent@demo.local".to_owned(),
                "cs_admin@demo.local".to_owned()
            ),
            (
                "salesperson2@demo.local".to_owned(),
                "sales_manager@demo.local".to_owned()
            ),
            (
                "salesperson@demo.local".to_owned(),
                "sales_manager@demo.local".to_owned()
            ),
        ]
    );
}

#[tokio::test]
async fn wrong_password_and_unknown_email_are_indistinguishable() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::CsAgent).await;
    let wrong = app.login(&user.email, "not-the-password").await;
    let unknown = app.login("nobody@example.com", "not-the-password").await;
    assert_eq!(wrong.status(), 401);
    assert_eq!(unknown.status(), 401);
    let (wrong, unknown) = (body(wrong).await, body(unknown).await);
    assert_eq!(wrong, unknown);
    assert_eq!(wrong["code"], "invalid_credentials");

    // Deactivated accounts answer the same way.
    sqlx::query("update profiles set is_active = false, deactivated_at = now() where id = $1")
        .bind(user.id)
        .execute(&app.owner)
        .await
        .unwrap();
    let deactivated = body(app.login(&user.email, PASSWORD).await).await;
    assert_eq!(deactivated, unknown);
}

#[tokio::test]
async fn login_validates_its_fields() {
    let app = TestApp::spawn().await;
    let response = app
        .request(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": "not-an-email"})),
        )
        .await;
    assert_eq!(response.status(), 422);
    let error = body(response).await;
    assert_eq!(error["code"], "validation_failed");
    assert!(error["details"]["email"].is_array());
    assert!(error["details"]["password"].is_array());
}

async fn assert_rate_limited_after_failures(app: &TestApp, email: &str) {
    for attempt in 0..5 {
        assert_eq!(
            app.login(email, "wrong-password").await.status(),
            401,
            "attempt {attempt}"
        );
    }
    let limited = app.login(email, PASSWORD).await;
    assert_eq!(limited.status(), 429);
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=900).contains(&retry_after));
    assert_eq!(body(limited).await["code"], "rate_limited");
}

#[tokio::test]
async fn repeated_failures_are_rate_limited_in_process_without_redis() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Salesperson).await;
    let other = app.user(Role::Salesperson).await;
    assert_rate_limited_after_failures(&app, &user.email).await;
    // Another account from the same client is not affected.
    assert_eq!(app.login(&other.email, PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn rate_limit_is_shared_through_redis_across_servers() {
    let shared = Options {
        redis: true,
        redis_namespace: Some(format!("cc-test-{}", uuid::Uuid::new_v4())),
        ..Options::default()
    };
    let app = TestApp::spawn_with(shared.clone()).await;
    let user = app.user(Role::Salesperson).await;
    assert_rate_limited_after_failures(&app, &user.email).await;
    // A second server instance with the same Redis already knows about the failures.
    let second = TestApp::spawn_with(shared).await;
    sqlx::query(
        "insert into profiles (email, full_name, role_name, dept_code, password_hash) \
         values ($1, 'Copy', 'salesperson', 'SAL', $2)",
    )
    .bind(&user.email)
    .bind(integration_tests::password_hash())
    .execute(&second.owner)
    .await
    .unwrap();
    assert_eq!(second.login(&user.email, PASSWORD).await.status(), 429);
}

fn forge(header: serde_json::Value, claims: serde_json::Value, signature: &str) -> String {
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        signature
    )
}

#[tokio::test]
async fn expired_garbage_and_unsigned_tokens_are_rejected() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Director).await;
    assert_eq!(app.me(&user).await.status(), 200);

    let now = chrono::Utc::now().timestamp();
    let expired = jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &json!({"sub": user.id, "iat": now - 3600, "exp": now - 600, "typ": "access"}),
        &jsonwebtoken::EncodingKey::from_secret(JWT_SECRET.as_bytes()),
    )
    .unwrap();
    let wrong_key = jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &json!({"sub": user.id, "iat": now, "exp": now + 600, "typ": "access"}),
        &jsonwebtoken::EncodingKey::from_secret(b"some-other-secret-entirely"),
    )
    .unwrap();
    let alg_none = forge(
        json!({"alg": "none", "typ": "JWT"}),
        json!({"sub": user.id, "iat": now, "exp": now + 600, "typ": "access"}),
        "",
    );
    for (name, token) in [
        ("expired", expired.as_str()),
        ("garbage", "garbage.token.value"),
        ("alg none", alg_none.as_str()),
        ("wrong key", wrong_key.as_str()),
        ("empty", ""),
    ] {
        let response = app.get("/api/v1/auth/me", token).await;
        assert_eq!(response.status(), 401, "{name}");
        assert_eq!(body(response).await["code"], "unauthorized", "{name}");
    }
    let missing = app
        .request(Method::GET, "/api/v1/auth/me", None, None)
        .await;
    assert_eq!(missing.status(), 401);
}

#[tokio::test]
async fn a_deactivated_users_valid_token_stops_working_at_once() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let admin = app.session("super_admin@demo.local", "demo12345").await;
    let agent = app.session("cs_agent@demo.local", "demo12345").await;
    let agent_token = agent["token"].as_str().unwrap();
    assert_eq!(app.get("/api/v1/auth/me", agent_token).await.status(), 200);

    let agent_id = agent["user"]["id"].as_str().unwrap();
    let response = app
        .post(
            &format!("/api/v1/users/{agent_id}/deactivate"),
            admin["token"].as_str().unwrap(),
            json!({}),
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(app.get("/api/v1/auth/me", agent_token).await.status(), 401);
    // Their refresh token is dead too.
    let refresh = app
        .request(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": agent["refresh_token"]})),
        )
        .await;
    assert_eq!(refresh.status(), 401);
}

async fn refresh(app: &TestApp, token: &serde_json::Value) -> reqwest::Response {
    app.request(
        Method::POST,
        "/api/v1/auth/refresh",
        None,
        Some(json!({"refresh_token": token})),
    )
    .await
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Salesperson).await;
    let first = app.session(&user.email, PASSWORD).await;

    let second = refresh(&app, &first["refresh_token"]).await;
    assert_eq!(second.status(), 200);
    let second = body(second).await;
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    assert_eq!(
        app.get("/api/v1/auth/me", second["token"].as_str().unwrap())
            .await
            .status(),
        200
    );

    let third = body(refresh(&app, &second["refresh_token"]).await).await;
    assert!(third["refresh_token"].is_string());

    // Reusing the first token is detected: 401, and the newest token dies with its family.
    assert_eq!(refresh(&app, &first["refresh_token"]).await.status(), 401);
    assert_eq!(refresh(&app, &third["refresh_token"]).await.status(), 401);

    // Another session of the same user is untouched.
    let other = app.session(&user.email, PASSWORD).await;
    assert_eq!(refresh(&app, &other["refresh_token"]).await.status(), 200);
    assert_eq!(refresh(&app, &json!("unknown-token")).await.status(), 401);

    // Tokens are stored hashed.
    let plain: i64 =
        sqlx::query_scalar("select count(*) from refresh_tokens where token_hash = $1")
            .bind(other["refresh_token"].as_str().unwrap())
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(plain, 0);
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::FinanceStaff).await;
    let session = app.session(&user.email, PASSWORD).await;
    let response = app
        .request(
            Method::POST,
            "/api/v1/auth/logout",
            None,
            Some(json!({"refresh_token": session["refresh_token"]})),
        )
        .await;
    assert_eq!(response.status(), 204);
    assert_eq!(refresh(&app, &session["refresh_token"]).await.status(), 401);
}

#[tokio::test]
async fn me_can_be_edited_and_password_changed() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::MarketingStaff).await;
    let session = app.session(&user.email, PASSWORD).await;
    let token = session["token"].as_str().unwrap();

    let me = app
        .request(
            Method::PATCH,
            "/api/v1/auth/me",
            Some(token),
            Some(json!({"full_name": "  Agus   Pratama ", "language": "en"})),
        )
        .await;
    assert_eq!(me.status(), 200);
    let me = body(me).await;
    assert_eq!(me["full_name"], "Agus Pratama");
    assert_eq!(me["language"], "en");
    assert_eq!(me["role"], "marketing_staff");
    assert_eq!(me["capabilities"], json!([]));

    // A user cannot sneak a role change through their profile.
    let sneaky = app
        .request(
            Method::PATCH,
            "/api/v1/auth/me",
            Some(token),
            Some(json!({"role": "super_admin"})),
        )
        .await;
    assert_eq!(sneaky.status(), 422);

    let wrong = app
        .post(
            "/api/v1/auth/change-password",
            token,
            json!({"current_password": "nope-nope", "new_password": "a-new-password"}),
        )
        .await;
    assert_eq!(wrong.status(), 422);
    assert!(body(wrong).await["details"]["current_password"].is_array());
    let weak = app
        .post(
            "/api/v1/auth/change-password",
            token,
            json!({"current_password": PASSWORD, "new_password": "short"}),
        )
        .await;
    assert_eq!(weak.status(), 422);
    let changed = app
        .post(
            "/api/v1/auth/change-password",
            token,
            json!({"current_password": PASSWORD, "new_password": "a-new-password"}),
        )
        .await;
    assert_eq!(changed.status(), 204);
    assert_eq!(app.login(&user.email, PASSWORD).await.status(), 401);
    assert_eq!(app.login(&user.email, "a-new-password").await.status(), 200);
    // Other sessions were signed out.
    assert_eq!(refresh(&app, &session["refresh_token"]).await.status(), 401);
}

#[tokio::test]
async fn demo_accounts_are_refused_in_production_mode() {
    let app = TestApp::spawn_with(Options {
        production: true,
        ..Options::default()
    })
    .await;
    app.seed_demo().await;
    assert_eq!(
        app.login("super_admin@demo.local", "demo12345")
            .await
            .status(),
        401
    );
    let ping = app
        .client
        .get(app.url("/api/v1/integrations/ping"))
        .header("X-API-KEY", http_api::DEMO_API_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(ping.status(), 401);
}
