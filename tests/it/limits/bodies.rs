//! Body-size limits per route class, in the JSON error envelope, and the time budget.

use std::time::Duration;

use domain::Role;
use integration_tests::{body, Options, TestApp};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn jpeg(size: usize) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0];
    bytes.resize(size, 0);
    bytes
}

#[tokio::test]
async fn uploads_have_their_own_limit_and_a_json_413() {
    let app = TestApp::spawn().await;
    let sales = app.user(Role::Salesperson).await;
    let upload = |bytes: Vec<u8>| {
        app.client
            .post(app.url("/api/v1/files?bucket=prospect-evidence&name=foto.jpg"))
            .bearer_auth(&sales.token)
            .header("content-type", "image/jpeg")
            .body(bytes)
            .send()
    };
    // A 3 MB photo is over the JSON limit (1 MB) but within the upload limit (10 MB).
    let photo = upload(jpeg(3 * 1024 * 1024)).await.unwrap();
    assert_eq!(photo.status(), 201);
    let huge = upload(jpeg(10 * 1024 * 1024 + 1)).await.unwrap();
    assert_eq!(huge.status(), 413);
    assert!(huge.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    assert_eq!(body(huge).await["code"], "payload_too_large");
}

#[tokio::test]
async fn a_request_over_its_time_budget_gets_503_in_the_envelope() {
    let app = TestApp::spawn_with(Options {
        request_timeout: Some(Duration::from_secs(1)),
        ..Options::default()
    })
    .await;
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    // A client that announces a body and then trickles nothing more.
    stream
        .write_all(
            b"POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
              Content-Length: 100\r\n\r\n{\"email\":",
        )
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let mut response = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&response).contains("service_unavailable") {
        let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf))
            .await
            .expect("answered within 10 s")
            .unwrap();
        assert!(read > 0, "closed: {}", String::from_utf8_lossy(&response));
        response.extend_from_slice(&buf[..read]);
    }
    let text = String::from_utf8_lossy(&response);
    assert!(text.starts_with("HTTP/1.1 503"), "{text}");
    assert!(started.elapsed() < Duration::from_secs(5));
}
