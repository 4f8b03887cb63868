//! Who writes, field errors, the feed order, soft delete and the sanitised body.

use domain::Role;
use integration_tests::{body, TestApp};
use reqwest::Method;
use serde_json::json;

use super::{created, feed, on_post, post_news, published};

#[tokio::test]
async fn only_administrators_write_news() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let id = created(&app, &admin, published("Pengumuman", 0)).await;
    for role in Role::ALL.into_iter().filter(|r| *r != Role::SuperAdmin) {
        let user = app.user(role).await;
        let (status, err) = post_news(&app, &user, published("Palsu", 0)).await;
        assert_eq!(status, 403, "{role} POST: {err}");
        assert_eq!(err["code"], "forbidden");
        let (status, _) = on_post(
            &app,
            &user,
            Method::PATCH,
            &id,
            Some(json!({"title": "Diubah"})),
        )
        .await;
        assert_eq!(status, 403, "{role} PATCH");
        let (status, _) = on_post(&app, &user, Method::DELETE, &id, None).await;
        assert_eq!(status, 403, "{role} DELETE");
        let preview = app
            .post("/api/v1/news/preview", &user.token, json!({"body": "x"}))
            .await;
        assert_eq!(preview.status(), 403, "{role} preview");
    }
    // Nothing changed: still one post, with its title.
    let (status, post) = on_post(&app, &admin, Method::GET, &id, None).await;
    assert_eq!(status, 200);
    assert_eq!(post["title"], "Pengumuman");
    assert_eq!(feed(&app, &admin, "").await.len(), 1);
    let anonymous = app.request(Method::GET, "/api/v1/news", None, None).await;
    assert_eq!(anonymous.status(), 401);
}

#[tokio::test]
async fn field_errors_come_all_at_once() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let (status, err) = post_news(
        &app,
        &admin,
        json!({"title": " ", "body": "x".repeat(20_001), "published_at": "besok",
               "audience_roles": ["salesperson", "admin"]}),
    )
    .await;
    assert_eq!(status, 422, "{err}");
    assert_eq!(err["code"], "validation_failed");
    let mut fields: Vec<&str> = err["details"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["audience_roles", "body", "published_at", "title"]);
    assert_eq!(
        err["details"]["audience_roles"][0],
        "'admin' is not a known role"
    );
    let (status, err) = post_news(
        &app,
        &admin,
        json!({"title": "t".repeat(201), "body": "ok"}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(err["details"]["title"][0], "must be at most 200 characters");
    // Server-owned fields are refused.
    let (status, err) = post_news(
        &app,
        &admin,
        json!({"title": "t", "body": "b", "created_by": admin.id}),
    )
    .await;
    assert_eq!(status, 422, "{err}");

    let id = created(&app, &admin, published("Asli", 0)).await;
    let (status, err) = on_post(&app, &admin, Method::PATCH, &id, Some(json!({}))).await;
    assert_eq!(status, 422, "{err}");
    let (status, err) = on_post(
        &app,
        &admin,
        Method::PATCH,
        &id,
        Some(json!({"title": "", "published_at": "x", "audience_roles": ["boss"]})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(err["details"].as_object().unwrap().len(), 3, "{err}");
    let (status, err) = on_post(&app, &admin, Method::GET, "x", None).await;
    assert_eq!(status, 404, "{err}");
    let bad = app
        .get("/api/v1/news?state=archived&per_page=500", &admin.token)
        .await;
    assert_eq!(bad.status(), 422);
    let details = body(bad).await["details"].clone();
    assert!(
        details["state"].is_array() && details["per_page"].is_array(),
        "{details}"
    );

    // The database keeps the audience to known roles even without the API.
    let mut tx = app.tx_as(&admin).await;
    let err = sqlx::query(
        "insert into news (title, body, audience_roles, created_by, updated_by) \
         values ('x', 'y', '{boss}', app.uid(), app.uid())",
    )
    .execute(&mut *tx)
    .await
    .expect_err("unknown role");
    assert_eq!(
        err.as_database_error().and_then(|d| d.code()).as_deref(),
        Some("23514")
    );
}

#[tokio::test]
async fn pinned_first_then_newest_and_limit_serves_the_widget() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let old = created(&app, &admin, published("Lama", 3)).await;
    let newest = created(&app, &admin, published("Terbaru", 0)).await;
    let mut pin = published("Disematkan", 5);
    pin["pinned"] = json!(true);
    let pinned = created(&app, &admin, pin).await;
    let middle = created(&app, &admin, published("Tengah", 1)).await;
    let reader = app.user(Role::OpsWarehouse).await;
    assert_eq!(
        feed(&app, &reader, "").await,
        [pinned.clone(), newest.clone(), middle.clone(), old.clone()]
    );
    let top = body(app.get("/api/v1/news?limit=3", &reader.token).await).await;
    assert_eq!(
        (top["per_page"].as_i64(), top["total"].as_i64()),
        (Some(3), Some(4))
    );
    assert_eq!(top["data"].as_array().unwrap().len(), 3);
    assert_eq!(
        feed(&app, &reader, "?page=2&per_page=2").await,
        [middle.clone(), old.clone()]
    );
    // Unpinning moves it back among the rest by its date.
    let (status, post) = on_post(
        &app,
        &admin,
        Method::PATCH,
        &pinned,
        Some(json!({"pinned": false})),
    )
    .await;
    assert_eq!(status, 200, "{post}");
    assert_eq!(feed(&app, &reader, "").await, [newest, middle, old, pinned]);
}

#[tokio::test]
async fn patch_unpublishes_and_delete_is_soft_and_audited() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let reader = app.user(Role::MarketingStaff).await;
    let id = created(&app, &admin, published("Awal", 0)).await;
    let (status, post) = on_post(
        &app,
        &admin,
        Method::PATCH,
        &id,
        Some(json!({"title": "Diperbarui", "published_at": null})),
    )
    .await;
    assert_eq!(status, 200, "{post}");
    assert_eq!(
        (post["title"].as_str(), post["state"].as_str()),
        (Some("Diperbarui"), Some("draft"))
    );
    assert_eq!(post["updated_by"], json!(admin.id));
    let (status, _) = on_post(&app, &reader, Method::GET, &id, None).await;
    assert_eq!(status, 404, "unpublished post still readable");

    let (status, _) = on_post(&app, &admin, Method::DELETE, &id, None).await;
    assert_eq!(status, 204);
    for user in [&admin, &reader] {
        let (status, _) = on_post(&app, user, Method::GET, &id, None).await;
        assert_eq!(status, 404);
        assert!(feed(&app, user, "").await.is_empty());
    }
    let (status, _) = on_post(&app, &admin, Method::DELETE, &id, None).await;
    assert_eq!(status, 404, "deleted twice");
    let (status, _) = on_post(
        &app,
        &admin,
        Method::PATCH,
        &id,
        Some(json!({"pinned": true})),
    )
    .await;
    assert_eq!(status, 404, "patched after delete");
    let uuid: uuid::Uuid = id.parse().unwrap();
    let kept: (bool, Option<uuid::Uuid>) =
        sqlx::query_as("select deleted_at is not null, deleted_by from news where id = $1")
            .bind(uuid)
            .fetch_one(&app.owner)
            .await
            .unwrap();
    assert_eq!(kept, (true, Some(admin.id)));
    let actions: Vec<String> = sqlx::query_scalar(
        "select action from audit_logs where table_name = 'news' and row_id = $1 order by changed_at, id",
    )
    .bind(&id)
    .fetch_all(&app.owner)
    .await
    .unwrap();
    assert_eq!(actions, ["INSERT", "UPDATE", "UPDATE"]);
}

#[tokio::test]
async fn bodies_are_rendered_without_scripts_handlers_or_javascript_links() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let hostile = "Halo **semua**\n\n<script>window.__xss=1</script>\n\n\
                   <img src=x onerror=\"window.__xss=2\">\n\n[x](javascript:window.__xss=3)";
    let mut post = published("XSS", 0);
    post["body"] = json!(hostile);
    let id = created(&app, &admin, post).await;
    let reader = app.user(Role::CsAgent).await;
    let (status, read) = on_post(&app, &reader, Method::GET, &id, None).await;
    assert_eq!(status, 200);
    assert_eq!(read["body"], hostile, "the Markdown is kept as written");
    let html = read["body_html"].as_str().unwrap();
    assert!(html.contains("<strong>semua</strong>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"),
        "{html}"
    );
    for bad in ["<script", "<img", "href=\"javascript", "javascript:window"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    let preview = app
        .post(
            "/api/v1/news/preview",
            &admin.token,
            json!({"body": hostile}),
        )
        .await;
    assert_eq!(preview.status(), 200);
    assert_eq!(body(preview).await["body_html"], html);
}
