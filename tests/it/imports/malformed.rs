//! Files that are not what they claim, or too much: refused with a clear message,
//! nothing written, the server still answering.

use domain::Role;
use integration_tests::TestApp;
use serde_json::Value;

use super::{count, fixture, upload};

async fn refused(app: &TestApp, name: &str, bytes: Vec<u8>, status: u16) -> Value {
    let user = app.user(Role::FinanceStaff).await;
    let response = upload(app, &user, "invoices", name, bytes).await;
    assert_eq!(response.status(), status, "{name}");
    response.json().await.expect("error body")
}

#[tokio::test]
async fn malformed_files_are_refused_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    for (name, file) in [
        ("random-bytes.xlsx", "malformed/random-bytes.xlsx"),
        ("truncated.xlsx", "malformed/truncated.xlsx"),
        ("zip-bomb.xlsx", "malformed/zip-bomb.xlsx"),
    ] {
        let body = refused(&app, name, fixture(file), 422).await;
        assert!(
            body["details"]["file"][0]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{name}: {body}"
        );
    }
    // An empty file is no file.
    refused(&app, "empty.csv", fixture("malformed/empty.csv"), 422).await;
    // A CSV with only blank lines is empty; one without a recognisable header says so.
    refused(&app, "blank.csv", b"\n\n \n".to_vec(), 422).await;
    let body = refused(&app, "other.csv", b"foo,bar\n1,2\n".to_vec(), 422).await;
    assert!(
        body["details"]["file"][0]
            .as_str()
            .expect("message")
            .contains("header"),
        "{body}"
    );
    // An unknown module.
    let user = app.user(Role::SuperAdmin).await;
    let response = upload(&app, &user, "spaceships", "x.csv", b"a,b\n".to_vec()).await;
    assert_eq!(response.status(), 422);
    assert_eq!(count(&app, "imports").await, 0);
    assert_eq!(count(&app, "import_rows").await, 0);
    assert_eq!(count(&app, "files").await, 0);
    // Still serving.
    assert_eq!(app.get("/api/v1/imports", &user.token).await.status(), 200);
}

#[tokio::test]
async fn a_csv_of_two_million_rows_is_refused_without_reading_it_all() {
    let app = TestApp::spawn().await;
    let mut csv = String::with_capacity(40 * 1_000_000);
    csv.push_str("No Faktur,Kode Pelanggan,Tgl Faktur,Jatuh Tempo,Jumlah\n");
    for i in 0..2_000_000 {
        csv.push_str(&format!("{i},C,1,2,1\n"));
    }
    assert!(
        csv.len() < 50 * 1024 * 1024,
        "under the size limit: the row limit decides"
    );
    let body = refused(&app, "big.csv", csv.into_bytes(), 422).await;
    assert!(
        body["details"]["file"][0]
            .as_str()
            .expect("message")
            .contains("1,000,000"),
        "{body}"
    );
    assert_eq!(count(&app, "import_rows").await, 0);
}

#[tokio::test]
async fn a_file_over_the_size_limit_is_413() {
    let app = TestApp::spawn().await;
    let body = vec![b'a'; 50 * 1024 * 1024 + 1];
    refused(&app, "huge.csv", body, 413).await;
    assert_eq!(count(&app, "files").await, 0);
}
