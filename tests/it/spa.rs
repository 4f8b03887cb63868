//! The backend serves the built SPA: deep links fall back to index.html, hashed assets
//! are cached for a year, index.html never, and unknown API routes stay JSON 404s.

use std::io::Read;

use domain::Role;
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

fn varies_by_encoding(headers: &reqwest::header::HeaderMap) -> bool {
    headers.get_all("vary").iter().any(|v| {
        v.to_str()
            .unwrap()
            .to_ascii_lowercase()
            .contains("accept-encoding")
    })
}

#[tokio::test]
async fn hashed_assets_come_precompressed_by_accept_encoding() {
    let dir = std::env::temp_dir().join(format!("cc-spa-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>CC</title>").unwrap();
    let plain = "console.log('plain');".repeat(100);
    std::fs::write(dir.join("assets/index-abc123.js"), &plain).unwrap();
    // What the build writes beside it; the server sends the bytes as they are.
    std::fs::write(dir.join("assets/index-abc123.js.br"), b"brotli bytes").unwrap();
    std::fs::write(dir.join("assets/index-abc123.js.gz"), b"gzip bytes").unwrap();
    std::fs::write(dir.join("assets/logo-def456.svg"), "<svg/>").unwrap();
    let app = TestApp::spawn_with(Options {
        frontend_dir: Some(dir.clone()),
        ..Options::default()
    })
    .await;
    let get = |path: &str, accept: Option<&str>| {
        let mut request = app.client.get(app.url(path));
        if let Some(accept) = accept {
            request = request.header("accept-encoding", accept);
        }
        request.send()
    };

    for (accept, encoding, bytes) in [
        ("br", "br", "brotli bytes"),
        ("gzip, deflate, br", "br", "brotli bytes"),
        ("gzip, br;q=0", "gzip", "gzip bytes"),
    ] {
        let response = get("/assets/index-abc123.js", Some(accept)).await.unwrap();
        assert_eq!(response.status(), 200, "{accept}");
        let headers = response.headers().clone();
        assert_eq!(headers["content-encoding"], encoding, "{accept}");
        assert!(varies_by_encoding(&headers), "{accept}");
        assert!(
            headers["content-type"]
                .to_str()
                .unwrap()
                .contains("javascript"),
            "{accept}"
        );
        assert_eq!(
            headers["cache-control"], "public, max-age=31536000, immutable",
            "{accept}"
        );
        assert_eq!(response.text().await.unwrap(), bytes, "{accept}");
    }
    for accept in [None, Some("identity"), Some("br;q=0, gzip;q=0")] {
        let response = get("/assets/index-abc123.js", accept).await.unwrap();
        assert_eq!(response.status(), 200);
        assert!(
            response.headers().get("content-encoding").is_none(),
            "{accept:?}"
        );
        assert_eq!(
            response.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(response.text().await.unwrap(), plain, "{accept:?}");
    }
    // A file without copies, index.html and paths outside the directory are not compressed.
    let svg = get("/assets/logo-def456.svg", Some("br")).await.unwrap();
    assert!(svg.headers().get("content-encoding").is_none());
    assert_eq!(svg.text().await.unwrap(), "<svg/>");
    let index = get("/", Some("br, gzip")).await.unwrap();
    assert!(index.headers().get("content-encoding").is_none());
    assert_eq!(index.headers()["cache-control"], "no-cache");
    for path in [
        "/assets/..%2Findex.html",
        "/assets/missing-000.js",
        "/assets/.hidden",
    ] {
        let response = get(path, Some("br")).await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
        assert!(
            response.headers().get("content-encoding").is_none(),
            "{path}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}

#[tokio::test]
async fn large_json_lists_are_compressed_small_ones_are_not() {
    let app = TestApp::spawn().await;
    server::seed::scale(&app.owner, 60).await.unwrap();
    let admin = app.user(Role::SuperAdmin).await;
    let list = |accept: Option<&'static str>, per_page: u32| {
        let mut request = app
            .client
            .get(app.url(&format!("/api/v1/users?per_page={per_page}")))
            .bearer_auth(&admin.token);
        if let Some(accept) = accept {
            request = request.header("accept-encoding", accept);
        }
        request.send()
    };

    let response = list(Some("gzip"), 100).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert!(varies_by_encoding(response.headers()));
    let compressed = response.bytes().await.unwrap();
    let mut json = String::new();
    flate2::read::GzDecoder::new(&compressed[..])
        .read_to_string(&mut json)
        .unwrap();
    assert!(
        json.len() > 4 * compressed.len(),
        "{} → {}",
        json.len(),
        compressed.len()
    );
    let listed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(listed["data"].as_array().unwrap().len() > 50);

    let response = list(Some("br"), 100).await.unwrap();
    assert_eq!(response.headers()["content-encoding"], "br");

    let response = list(None, 100).await.unwrap();
    assert!(response.headers().get("content-encoding").is_none());
    assert!(body(response).await["data"].as_array().unwrap().len() > 50);

    // A small JSON body is not worth it; neither is anything that is not JSON.
    let small = list(Some("gzip"), 1).await.unwrap();
    assert_eq!(small.status(), 200);
    assert!(small.headers().get("content-encoding").is_none());
    let health = app
        .client
        .get(app.url("/healthz"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert!(health.headers().get("content-encoding").is_none());
    // The event stream is never compressed: its frames arrive as they are written.
    let mut events = app
        .client
        .get(app.url("/api/v1/events"))
        .bearer_auth(&admin.token)
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(events.status(), 200);
    assert!(events.headers().get("content-encoding").is_none());
    let first = tokio::time::timeout(std::time::Duration::from_secs(5), events.chunk())
        .await
        .expect("the first frame arrives at once")
        .unwrap()
        .unwrap();
    assert!(String::from_utf8_lossy(&first).contains(": connected"));
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
