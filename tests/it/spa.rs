//! The backend serves the built SPA: deep links fall back to index.html, hashed assets
//! are cached for a year, index.html never, and unknown API routes stay JSON 404s.

use integration_tests::{body, Options, TestApp};

#[tokio::test]
async fn spa_is_served_with_deep_link_fallback_and_cache_headers() {
    let dir = std::env::temp_dir().join(format!("cc-spa-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>Command Center</title>",
    )
    .unwrap();
    std::fs::write(dir.join("assets/index-abc123.js"), "console.log(1)").unwrap();
    let app = TestApp::spawn_with(Options {
        frontend_dir: Some(dir.clone()),
        ..Options::default()
    })
    .await;

    for path in ["/", "/crm/leads", "/admin/users?page=2"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        assert!(
            response.text().await.unwrap().contains("Command Center"),
            "{path}"
        );
    }
    let asset = app
        .client
        .get(app.url("/assets/index-abc123.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(asset.status(), 200);
    assert_eq!(
        asset.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );

    let api = app
        .client
        .get(app.url("/api/v1/unknown"))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 404);
    assert_eq!(body(api).await["code"], "not_found");
    let post = app.client.post(app.url("/crm/leads")).send().await.unwrap();
    assert_eq!(post.status(), 404);
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn scale_seed_adds_synthetic_users_with_copy() {
    let app = TestApp::spawn().await;
    assert_eq!(server::seed::scale(&app.owner, 2_500).await.unwrap(), 2_500);
    assert_eq!(server::seed::scale(&app.owner, 10).await.unwrap(), 10);
    let (count, distinct): (i64, i64) = sqlx::query_as(
        "select count(*), count(distinct email) from profiles where email like 'scale-%'",
    )
    .fetch_one(&app.owner)
    .await
    .unwrap();
    assert_eq!((count, distinct), (2_510, 2_510));
    // Synthetic users cannot sign in.
    let response = app
        .login("scale-0000001@scale.local", "anything-at-all")
        .await;
    assert_eq!(response.status(), 401);
}
