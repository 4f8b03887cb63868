//! Access tokens that cannot be forged with a published key, cannot outlive the configured
//! lifetime, and die with their session (logout, password change, deactivation, reuse).

use std::time::{Duration, Instant};

use domain::Role;
use integration_tests::{body, TestApp, JWT_SECRET, PASSWORD};
use reqwest::Method;
use serde_json::{json, Value};

/// The signing key the repository once shipped for development.
const OLD_DEFAULT_SECRET: &str = "dev-only-jwt-secret-change-me-in-production";
const TEN_YEARS: i64 = 10 * 365 * 24 * 3600;

fn sign(secret: &str, claims: &Value) -> String {
    jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        claims,
        &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

/// The session id (`sid`) an access token carries.
fn session_of(token: &str) -> Value {
    use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
    let payload = token.split('.').nth(1).unwrap();
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
    claims["sid"].clone()
}

#[tokio::test]
async fn forged_long_lived_and_undated_tokens_are_refused() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let session = app.session(&admin.email, PASSWORD).await;
    let sid = session_of(session["token"].as_str().unwrap());
    let now = chrono::Utc::now().timestamp();
    let claims = |iat: Option<i64>, exp: i64| {
        let mut claims = json!({"sub": admin.id, "sid": sid, "exp": exp, "typ": "access"});
        if let Some(iat) = iat {
            claims["iat"] = json!(iat);
        }
        claims
    };
    // The control: a token as the server issues them works.
    let fair = sign(JWT_SECRET, &claims(Some(now), now + 600));
    assert_eq!(app.get("/api/v1/auth/me", &fair).await.status(), 200);
    for (name, token) in [
        (
            "old default key, ten years",
            sign(OLD_DEFAULT_SECRET, &claims(Some(now), now + TEN_YEARS)),
        ),
        (
            "server key, ten years",
            sign(JWT_SECRET, &claims(Some(now), now + TEN_YEARS)),
        ),
        (
            "server key, no iat",
            sign(JWT_SECRET, &claims(None, now + 600)),
        ),
        (
            "server key, issued in the future",
            sign(JWT_SECRET, &claims(Some(now + 3600), now + 3900)),
        ),
        (
            "server key, no session",
            sign(
                JWT_SECRET,
                &json!({"sub": admin.id, "iat": now, "exp": now + 600, "typ": "access"}),
            ),
        ),
        (
            "server key, unknown session",
            sign(
                JWT_SECRET,
                &json!({"sub": admin.id, "sid": uuid::Uuid::new_v4(), "iat": now,
                        "exp": now + 600, "typ": "access"}),
            ),
        ),
    ] {
        let response = app.get("/api/v1/auth/me", &token).await;
        assert_eq!(response.status(), 401, "{name}");
        assert_eq!(body(response).await["code"], "unauthorized", "{name}");
    }
}

/// Polls `GET /auth/me` with `token` until it is refused; fails after 5 seconds.
async fn refused_within_five_seconds(app: &TestApp, token: &str, what: &str) {
    let started = Instant::now();
    loop {
        let status = app.get("/api/v1/auth/me", token).await.status();
        if status == 401 {
            return;
        }
        assert_eq!(status, 200, "{what}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{what}: still accepted after 5 s"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn token(session: &Value) -> &str {
    session["token"].as_str().unwrap()
}

#[tokio::test]
async fn logout_ends_the_access_token_of_that_session_only() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::CsAgent).await;
    let laptop = app.session(&user.email, PASSWORD).await;
    let phone = app.session(&user.email, PASSWORD).await;
    assert_eq!(
        app.get("/api/v1/auth/me", token(&laptop)).await.status(),
        200
    );
    let logout = app
        .request(
            Method::POST,
            "/api/v1/auth/logout",
            None,
            Some(json!({"refresh_token": laptop["refresh_token"]})),
        )
        .await;
    assert_eq!(logout.status(), 204);
    refused_within_five_seconds(&app, token(&laptop), "after logout").await;
    // The other session of the same user goes on.
    assert_eq!(
        app.get("/api/v1/auth/me", token(&phone)).await.status(),
        200
    );
}

#[tokio::test]
async fn a_password_change_ends_the_access_of_every_session() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::FinanceStaff).await;
    let here = app.session(&user.email, PASSWORD).await;
    let elsewhere = app.session(&user.email, PASSWORD).await;
    let other_user = app.user(Role::FinanceStaff).await;
    let changed = app
        .post(
            "/api/v1/auth/change-password",
            token(&here),
            json!({"current_password": PASSWORD, "new_password": "a-new-password"}),
        )
        .await;
    assert_eq!(changed.status(), 204);
    refused_within_five_seconds(&app, token(&elsewhere), "other session after change").await;
    refused_within_five_seconds(&app, token(&here), "changing session after change").await;
    assert_eq!(app.me(&other_user).await.status(), 200);
    // Signing in with the new password starts a working session.
    let fresh = app.session(&user.email, "a-new-password").await;
    assert_eq!(
        app.get("/api/v1/auth/me", token(&fresh)).await.status(),
        200
    );
}

#[tokio::test]
async fn deactivation_ends_access_and_reactivation_does_not_revive_old_tokens() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let agent = app.user(Role::CsAgent).await;
    let session = app.session(&agent.email, PASSWORD).await;
    let deactivate = app
        .post(
            &format!("/api/v1/users/{}/deactivate", agent.id),
            &admin.token,
            json!({}),
        )
        .await;
    assert_eq!(deactivate.status(), 200);
    refused_within_five_seconds(&app, token(&session), "after deactivation").await;
    // Even if the account comes back, the sessions that were open stay ended.
    sqlx::query("update profiles set is_active = true, deactivated_at = null where id = $1")
        .bind(agent.id)
        .execute(&app.owner)
        .await
        .unwrap();
    assert_eq!(
        app.get("/api/v1/auth/me", token(&session)).await.status(),
        401
    );
}

#[tokio::test]
async fn refresh_token_reuse_ends_the_access_tokens_of_the_family() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Salesperson).await;
    let first = app.session(&user.email, PASSWORD).await;
    let refresh = |token: Value| {
        app.request(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": token})),
        )
    };
    let second = body(refresh(first["refresh_token"].clone()).await).await;
    // The rotated token belongs to the same session, and the first one still works.
    assert_eq!(session_of(token(&second)), session_of(token(&first)));
    assert_eq!(
        app.get("/api/v1/auth/me", token(&first)).await.status(),
        200
    );
    // A thief replays the first refresh token: the whole session ends.
    assert_eq!(refresh(first["refresh_token"].clone()).await.status(), 401);
    refused_within_five_seconds(&app, token(&second), "after reuse").await;
}
