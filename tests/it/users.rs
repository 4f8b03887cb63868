//! AUTH-3 users administration, PLT-IDEM on `POST /users`, PLT-AUDIT.

use domain::Role;
use integration_tests::{body, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

fn new_user(email: &str, role: &str) -> Value {
    json!({
        "email": email,
        "full_name": "Wulan Sari",
        "role": role,
        "password": "password-123",
    })
}

async fn create(app: &TestApp, token: &str, body: Value, key: Option<&str>) -> reqwest::Response {
    let mut request = app
        .client
        .post(app.url("/api/v1/users"))
        .bearer_auth(token)
        .json(&body);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    request.send().await.unwrap()
}

async fn count_email(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar("select count(*) from profiles where email = $1")
        .bind(email)
        .fetch_one(&app.owner)
        .await
        .unwrap()
}

#[tokio::test]
async fn super_admin_creates_edits_and_deactivates_users_and_they_can_log_in() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let manager = app.user(Role::SalesManager).await;

    let response = create(
        &app,
        &admin.token,
        new_user(" Wulan@Example.com ", "salesperson"),
        None,
    )
    .await;
    assert_eq!(response.status(), 201);
    let created = body(response).await;
    assert_eq!(created["email"], "wulan@example.com");
    assert_eq!(created["dept"], "SAL");
    assert_eq!(created["is_active"], true);
    assert!(created.get("password_hash").is_none() && created.get("password").is_none());
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(
        app.login("wulan@example.com", "password-123")
            .await
            .status(),
        200
    );

    let patch = app.update_user(&admin, &id, json!({"role": "sales_support", "manager_user_id": manager.id, "full_name": "Wulan S."}))
        .await;
    assert_eq!(patch.status(), 200);
    let patched = body(patch).await;
    assert_eq!(patched["role"], "sales_support");
    assert_eq!(patched["manager_user_id"], manager.id.to_string());
    assert_eq!(patched["manager_name"], "Test sales_manager");

    let listed = body(app.users(&admin, "?role=sales_support&q=wulan").await).await;
    assert_eq!(listed["total"], 1);
    assert_eq!(listed["data"][0]["id"], id.as_str());
    assert_eq!(listed["page"], 1);

    let deactivated = app
        .post(
            &format!("/api/v1/users/{id}/deactivate"),
            &admin.token,
            json!({}),
        )
        .await;
    assert_eq!(deactivated.status(), 200);
    assert_eq!(body(deactivated).await["is_active"], false);
    assert_eq!(
        app.login("wulan@example.com", "password-123")
            .await
            .status(),
        401
    );

    let reactivated = app
        .update_user(&admin, &id, json!({"is_active": true}))
        .await;
    assert_eq!(body(reactivated).await["is_active"], true);
    assert_eq!(
        app.login("wulan@example.com", "password-123")
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn user_administration_is_limited_by_role() {
    let app = TestApp::spawn().await;
    let cs_admin = app.user(Role::CsAdmin).await;
    let salesperson = app.user(Role::Salesperson).await;
    let director = app.user(Role::Director).await;

    // Only administrators create users.
    for user in [&salesperson, &director] {
        let response = create(
            &app,
            &user.token,
            new_user("x@example.com", "cs_agent"),
            None,
        )
        .await;
        assert_eq!(response.status(), 403, "{:?}", user.role);
        assert_eq!(body(response).await["code"], "forbidden");
    }
    // A CS admin creates CS agents, nothing else.
    let agent = create(
        &app,
        &cs_admin.token,
        new_user("agent@example.com", "cs_agent"),
        None,
    )
    .await;
    assert_eq!(agent.status(), 201);
    let agent = body(agent).await;
    assert_eq!(agent["dept"], "CS");
    let promoted = create(
        &app,
        &cs_admin.token,
        new_user("boss@example.com", "super_admin"),
        None,
    )
    .await;
    assert_eq!(promoted.status(), 403);
    let agent_id = agent["id"].as_str().unwrap();
    let promote = app
        .update_user(&cs_admin, &agent_id, json!({"role": "director"}))
        .await;
    assert_eq!(promote.status(), 403);
    let edit_sales = app
        .request(
            Method::PATCH,
            &format!("/api/v1/users/{}", salesperson.id),
            Some(&cs_admin.token),
            Some(json!({"full_name": "Changed"})),
        )
        .await;
    assert_eq!(edit_sales.status(), 403);
    // Salespeople cannot edit others, nor themselves through the admin endpoint.
    let self_edit = app
        .request(
            Method::PATCH,
            &format!("/api/v1/users/{}", salesperson.id),
            Some(&salesperson.token),
            Some(json!({"role": "sales_manager"})),
        )
        .await;
    assert_eq!(self_edit.status(), 403);
    // Everyone may read the directory.
    assert_eq!(app.users(&salesperson, "").await.status(), 200);
    assert_eq!(
        app.get(&format!("/api/v1/users/{agent_id}"), &director.token)
            .await
            .status(),
        200
    );
    let missing = app
        .get(
            &format!("/api/v1/users/{}", uuid::Uuid::new_v4()),
            &director.token,
        )
        .await;
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn user_input_is_validated_per_field() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let response = create(
        &app,
        &admin.token,
        json!({"email": "bad", "full_name": " ", "role": "king", "password": "short"}),
        None,
    )
    .await;
    assert_eq!(response.status(), 422);
    let error = body(response).await;
    for field in ["email", "full_name", "role", "password"] {
        assert!(error["details"][field].is_array(), "{field}: {error}");
    }
    // Unknown and server-owned fields are rejected, not silently stored.
    let mut with_id = new_user("a@example.com", "cs_agent");
    with_id["id"] = json!(uuid::Uuid::new_v4());
    let response = create(&app, &admin.token, with_id, None).await;
    assert_eq!(response.status(), 422);
    assert_eq!(count_email(&app, "a@example.com").await, 0);

    assert_eq!(
        create(
            &app,
            &admin.token,
            new_user("dup@example.com", "cs_agent"),
            None
        )
        .await
        .status(),
        201
    );
    let duplicate = create(
        &app,
        &admin.token,
        new_user("DUP@example.com", "cs_agent"),
        None,
    )
    .await;
    assert_eq!(duplicate.status(), 409);
    assert!(body(duplicate).await["details"]["email"].is_array());

    let bad_sort = app
        .get("/api/v1/users?sort=password_hash", &admin.token)
        .await;
    assert_eq!(bad_sort.status(), 422);
    let bad_page = app.users(&admin, "?per_page=500").await;
    assert_eq!(bad_page.status(), 422);
    let sorted = body(app.users(&admin, "?sort=-email&per_page=1").await).await;
    assert_eq!(sorted["total"], 2);
    assert_eq!(sorted["data"].as_array().unwrap().len(), 1);
    assert_eq!(sorted["data"][0]["email"], admin.email.as_str());
    let sorted = body(app.users(&admin, "?sort=email&per_page=1&page=1").await).await;
    assert_eq!(sorted["data"][0]["email"], "dup@example.com");
}

#[tokio::test]
async fn idempotency_key_replays_and_rejects_a_different_body() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let first = create(
        &app,
        &admin.token,
        new_user("idem@example.com", "cs_agent"),
        Some("key-1"),
    )
    .await;
    assert_eq!(first.status(), 201);
    let first = body(first).await;

    // Same key, same body (keys in another order): the original response, no second insert.
    let replay = create(
        &app,
        &admin.token,
        json!({"password": "password-123", "role": "cs_agent", "full_name": "Wulan Sari", "email": "idem@example.com"}),
        Some("key-1"),
    )
    .await;
    assert_eq!(replay.status(), 201);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(body(replay).await, first);
    assert_eq!(count_email(&app, "idem@example.com").await, 1);

    // Same key, different body: 422.
    let reused = create(
        &app,
        &admin.token,
        new_user("other@example.com", "cs_agent"),
        Some("key-1"),
    )
    .await;
    assert_eq!(reused.status(), 422);
    assert_eq!(body(reused).await["code"], "idempotency_key_reused");
    assert_eq!(count_email(&app, "other@example.com").await, 0);

    // Keys belong to their principal: another admin's identical key is independent.
    let other_admin = app.user(Role::SuperAdmin).await;
    let theirs = create(
        &app,
        &other_admin.token,
        new_user("theirs@example.com", "cs_agent"),
        Some("key-1"),
    )
    .await;
    assert_eq!(theirs.status(), 201);
}

#[tokio::test]
async fn twenty_concurrent_requests_with_one_key_create_one_user() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let requests = (0..20).map(|_| {
        create(
            &app,
            &admin.token,
            new_user("race@example.com", "cs_agent"),
            Some("race-key"),
        )
    });
    let responses = futures_util::future::join_all(requests).await;
    let mut bodies = Vec::new();
    for response in responses {
        assert_eq!(response.status(), 201);
        bodies.push(body(response).await);
    }
    assert!(bodies.iter().all(|b| b["id"] == bodies[0]["id"]));
    assert_eq!(count_email(&app, "race@example.com").await, 1);
}

#[tokio::test]
async fn creating_and_updating_a_user_is_audited_with_the_actor() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let created = body(
        create(
            &app,
            &admin.token,
            new_user("audit@example.com", "cs_agent"),
            None,
        )
        .await,
    )
    .await;
    let id = created["id"].as_str().unwrap();
    let response = app
        .update_user(&admin, &id, json!({"full_name": "Audited"}))
        .await;
    assert_eq!(response.status(), 200);

    let logs = body(
        app.get(
            &format!("/api/v1/audit-logs?table_name=profiles&row_id={id}"),
            &admin.token,
        )
        .await,
    )
    .await;
    let rows = logs["data"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{logs}");
    let update = &rows[0];
    let insert = &rows[1];
    assert_eq!(insert["action"], "INSERT");
    assert_eq!(insert["changed_by"], admin.id.to_string());
    assert!(insert["before_data"].is_null());
    assert_eq!(insert["after_data"]["email"], "audit@example.com");
    assert!(
        insert["after_data"].get("password_hash").is_none(),
        "hashes never reach the audit log"
    );
    assert!(insert["request_id"].as_str().is_some_and(|r| !r.is_empty()));
    assert_eq!(update["action"], "UPDATE");
    assert_eq!(update["changed_by"], admin.id.to_string());
    assert_eq!(update["before_data"]["full_name"], "Wulan Sari");
    assert_eq!(update["after_data"]["full_name"], "Audited");

    // Only super admins and directors read the audit log.
    let salesperson = app.user(Role::Salesperson).await;
    assert_eq!(
        app.get("/api/v1/audit-logs", &salesperson.token)
            .await
            .status(),
        403
    );
    let director = app.user(Role::Director).await;
    assert_eq!(
        app.get("/api/v1/audit-logs", &director.token)
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn reference_lists_roles_and_departments() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::CsAgent).await;
    let roles = body(app.get("/api/v1/roles", &user.token).await).await;
    let names: Vec<&str> = roles
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(names, expected);
    let departments = body(app.get("/api/v1/departments", &user.token).await).await;
    assert_eq!(departments.as_array().unwrap().len(), 9);
}
