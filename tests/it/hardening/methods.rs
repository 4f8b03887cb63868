//! A documented path asked with a method it does not serve: 405 with `Allow` (the
//! documented methods), in the error envelope; an unknown path stays 404.

use integration_tests::TestApp;
use reqwest::Method;
use serde_json::Value;

#[tokio::test]
async fn an_undocumented_method_on_a_known_path_is_405_with_allow() {
    let app = TestApp::spawn().await;
    let cases = [
        (Method::TRACE, "/api/v1/leads", "GET, POST"),
        (Method::DELETE, "/api/v1/leads", "GET, POST"),
        (Method::TRACE, "/healthz", "GET"),
        (Method::PUT, "/api/v1/auth/login", "POST"),
        (
            Method::POST,
            "/api/v1/leads/00000000-0000-4000-8000-000000000001",
            "GET, DELETE, PATCH",
        ),
    ];
    for (method, path, allow) in cases {
        let response = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 405, "{method} {path}");
        let header = response
            .headers()
            .get("allow")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        assert_eq!(header.as_deref(), Some(allow), "{method} {path}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body["code"], "method_not_allowed",
            "{method} {path}: {body}"
        );
    }
    let response = app
        .client
        .request(Method::TRACE, app.url("/api/v1/nowhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
}
