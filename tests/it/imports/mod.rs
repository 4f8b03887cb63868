//! Import Center (SPEC §4.8, IMP-1..5): real spreadsheets from tests/fixtures/imports
//! staged and processed with their row outcomes written out, re-upload and re-process
//! (also concurrent) never duplicating, malformed files refused with nothing written,
//! role and department boundaries, templates and the error download.

mod batches;
mod fixtures;
mod malformed;
mod modules;
mod rls;

use std::time::Duration;

use integration_tests::{TestApp, TestUser};
use reqwest::{multipart, Response};
use serde_json::Value;
use uuid::Uuid;

/// A fixture file's bytes.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/fixtures/imports/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

/// `POST /imports` with `module` and the file.
pub async fn upload(
    app: &TestApp,
    user: &TestUser,
    module: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Response {
    let form = multipart::Form::new()
        .text("module", module.to_owned())
        .part(
            "file",
            multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    app.client
        .post(app.url("/api/v1/imports"))
        .bearer_auth(&user.token)
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

/// Uploads and returns the staged import, asserting 201.
pub async fn staged(
    app: &TestApp,
    user: &TestUser,
    module: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Value {
    let response = upload(app, user, module, name, bytes).await;
    let status = response.status();
    let body: Value = response.json().await.expect("json");
    assert_eq!(status, 201, "upload {name}: {body}");
    body
}

/// `POST /imports/{id}/process` (asserting 202), then waits until the run ends.
pub async fn process(app: &TestApp, user: &TestUser, id: &str) -> Value {
    let response = app
        .post(
            &format!("/api/v1/imports/{id}/process"),
            &user.token,
            serde_json::json!({}),
        )
        .await;
    assert_eq!(response.status(), 202, "process {id}");
    wait(app, user, id).await
}

/// Polls `GET /imports/{id}` until it is neither queued nor processing.
pub async fn wait(app: &TestApp, user: &TestUser, id: &str) -> Value {
    for _ in 0..600 {
        let import: Value = app
            .get(&format!("/api/v1/imports/{id}"), &user.token)
            .await
            .json()
            .await
            .expect("import");
        if !matches!(import["status"].as_str(), Some("queued" | "processing")) {
            return import;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("import {id} did not finish");
}

/// Every row of the import, by row number: (status, error fields, action).
pub async fn outcomes(
    app: &TestApp,
    user: &TestUser,
    id: &str,
) -> Vec<(i64, String, Vec<String>, Option<String>)> {
    let rows: Value = app
        .get(
            &format!("/api/v1/imports/{id}/rows?per_page=200"),
            &user.token,
        )
        .await
        .json()
        .await
        .expect("rows");
    rows["data"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let fields = r["errors"]
                .as_array()
                .expect("errors")
                .iter()
                .map(|e| e["field"].as_str().expect("field").to_owned())
                .collect();
            (
                r["row_number"].as_i64().expect("row number"),
                r["status"].as_str().expect("status").to_owned(),
                fields,
                r["action"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

/// A customer written directly, with a fixed code, name and NPWP.
pub async fn customer(app: &TestApp, code: Option<&str>, name: &str, npwp: Option<&str>) -> Uuid {
    let key = domain::crm::CompanyKey::parse(name).expect("key");
    sqlx::query_scalar(
        "insert into customers (customer_code, company_name, company_key, npwp)
         values (coalesce($1, next_prefixed_id('CUST')), $2, $3, $4) returning id",
    )
    .bind(code)
    .bind(name)
    .bind(key.as_str())
    .bind(npwp)
    .fetch_one(&app.owner)
    .await
    .expect("insert customer")
}

/// How many rows of `table` there are (behind RLS).
pub async fn count(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("select count(*) from {table}"))
        .fetch_one(&app.owner)
        .await
        .expect("count")
}
