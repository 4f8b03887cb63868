//! Text PostgreSQL cannot store (NUL, and lone surrogates, invalid UTF-8) in every string
//! parameter and body field of every documented operation, sent by a principal allowed
//! to call it: never a 5xx; a NUL in the URL is a 400 in the error envelope before
//! anything else, a NUL in a JSON field a 4xx naming the field.

use domain::{ClosedSet, Role};
use futures_util::{stream, StreamExt};
use integration_tests::TestApp;
use reqwest::{Method, RequestBuilder};
use serde_json::Value;

use super::document::{operations, string_pointers, Operation, Parameter};

/// Percent-encoded texts for paths and query strings: NUL alone and inside text, a byte
/// that is not UTF-8, and an encoded lone surrogate.
const URL_TEXTS: [&str; 4] = ["%00", "a%00b", "%FF", "%ED%A0%80"];
const MARKER: &str = "__invalid_text__";

struct Probe {
    label: String,
    method: Method,
    path: String,
    body: Option<String>,
    /// A NUL in the URL: must be exactly 400 `bad_request`.
    url_nul: bool,
}

fn sample(parameter: &Parameter) -> String {
    let schema = &parameter.schema;
    match schema["format"].as_str() {
        Some("uuid") => "00000000-0000-4000-8000-000000000001".to_owned(),
        Some("date") => "2026-03-02".to_owned(),
        _ if schema["type"] == "integer" => "1".to_owned(),
        _ => schema["enum"][0]
            .as_str()
            .or_else(|| schema["example"].as_str())
            .unwrap_or("x")
            .to_owned(),
    }
}

fn is_string(parameter: &Parameter) -> bool {
    let kind = &parameter.schema["type"];
    kind == "string"
        || kind
            .as_array()
            .is_some_and(|k| k.contains(&"string".into()))
}

fn path_with(op: &Operation, replaced: Option<(&str, &str)>) -> String {
    op.parameters
        .iter()
        .filter(|p| p.location == "path")
        .fold(op.template.clone(), |path, p| {
            let value = match replaced {
                Some((name, text)) if name == p.name => text.to_owned(),
                _ => sample(p),
            };
            path.replace(&format!("{{{}}}", p.name), &value)
        })
}

fn probes(op: &Operation) -> Vec<Probe> {
    let method = Method::from_bytes(op.method.as_bytes()).unwrap();
    let label = format!("{} {}", op.method, op.template);
    let mut out = Vec::new();
    for p in op.parameters.iter().filter(|p| is_string(p)) {
        for text in URL_TEXTS {
            let path = match p.location.as_str() {
                "path" => path_with(op, Some((&p.name, text))),
                "query" => format!("{}?{}={text}", path_with(op, None), p.name),
                _ => continue,
            };
            out.push(Probe {
                label: format!("{label} {}={text}", p.name),
                method: method.clone(),
                path,
                body: op.body.as_ref().map(Value::to_string),
                url_nul: text.contains("%00"),
            });
        }
    }
    let Some(body) = &op.body else { return out };
    let mut pointers = Vec::new();
    string_pointers(body, "", &mut pointers);
    for pointer in pointers {
        for (name, text) in [
            ("NUL", "a\u{0}b".to_owned()),
            ("surrogate", MARKER.to_owned()),
        ] {
            let mut changed = body.clone();
            if let Some(slot) = changed.pointer_mut(&pointer) {
                *slot = Value::String(text);
            }
            let raw = changed.to_string().replace(MARKER, "a\\ud800b");
            out.push(Probe {
                label: format!("{label} body{pointer} {name}"),
                method: method.clone(),
                path: path_with(op, None),
                body: Some(raw),
                url_nul: false,
            });
        }
    }
    out
}

struct Principals {
    tokens: Vec<String>,
}

fn build(app: &TestApp, op: &Operation, probe: &Probe, token: &str) -> RequestBuilder {
    let mut request = app
        .client
        .request(probe.method.clone(), app.url(&probe.path));
    if op.schemes.iter().any(|s| s == "api_key") {
        request = request.header("X-API-KEY", http_api::DEMO_API_KEY);
    } else if op.schemes.iter().any(|s| s == "bearer") {
        request = request.bearer_auth(token);
    }
    if let Some(body) = &probe.body {
        request = request
            .header("content-type", "application/json")
            .body(body.clone());
    }
    request
}

/// Sends `probe`; on 403 again as each other role, until one may call the operation.
async fn send(
    app: &TestApp,
    principals: &Principals,
    op: &Operation,
    probe: &Probe,
) -> (u16, Value) {
    let mut last = (0, Value::Null);
    for token in &principals.tokens {
        let response = build(app, op, probe, token).send().await.expect("request");
        let status = response.status().as_u16();
        last = (status, response.json().await.unwrap_or(Value::Null));
        if status != 403 || !op.schemes.iter().any(|s| s == "bearer") {
            break;
        }
    }
    last
}

#[tokio::test]
async fn invalid_text_anywhere_never_answers_5xx() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let mut tokens = Vec::new();
    for role in Role::all() {
        tokens.push(app.user(*role).await.token);
    }
    let principals = Principals { tokens };
    let document = serde_json::to_value(http_api::openapi()).unwrap();
    let operations = operations(&document);
    let cases: Vec<(&Operation, Probe)> = operations
        .iter()
        .flat_map(|op| probes(op).into_iter().map(move |probe| (op, probe)))
        .collect();
    assert!(
        cases.len() > 500,
        "too few probes generated: {}",
        cases.len()
    );
    let results: Vec<(String, bool, u16, Value)> = stream::iter(cases)
        .map(|(op, probe)| {
            let principals = &principals;
            let app = &app;
            async move {
                let (status, body) = send(app, principals, op, &probe).await;
                (probe.label, probe.url_nul, status, body)
            }
        })
        .buffer_unordered(4)
        .collect()
        .await;
    let server_errors: Vec<String> = results
        .iter()
        .filter(|(_, _, status, _)| *status >= 500 || *status == 0)
        .map(|(label, _, status, body)| format!("{label} → {status} {body}"))
        .collect();
    assert!(
        server_errors.is_empty(),
        "5xx answers:\n{}",
        server_errors.join("\n")
    );
    let url_not_refused: Vec<String> = results
        .iter()
        .filter(|(_, url_nul, status, body)| {
            *url_nul && (*status != 400 || body["code"] != "bad_request")
        })
        .map(|(label, _, status, body)| format!("{label} → {status} {body}"))
        .collect();
    assert!(
        url_not_refused.is_empty(),
        "a NUL in the URL not refused with 400:\n{}",
        url_not_refused.join("\n")
    );
}

/// Named cases of the report: each answered 400/422 in the error envelope.
#[tokio::test]
async fn the_reported_nul_inputs_are_refused_in_the_envelope() {
    let app = TestApp::spawn().await;
    app.seed_demo().await;
    let admin = app.user(Role::SuperAdmin).await;
    for path in [
        "/api/v1/leads?q=%00",
        "/api/v1/customers?q=a%00",
        "/api/v1/audit-logs?table_name=%00",
        "/api/v1/shipments/%00",
    ] {
        let response = app.get(path, &admin.token).await;
        assert_eq!(response.status(), 400, "{path}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["code"], "bad_request", "{path}: {body}");
    }
    let response = app
        .client
        .post(app.url("/api/v1/broadcast-logs"))
        .header("X-API-KEY", http_api::DEMO_API_KEY)
        .json(&serde_json::json!({"tracking_number": "AWB\u{0}1", "status": "success"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "validation_failed", "{body}");
    assert!(body["details"]["tracking_number"].is_array(), "{body}");
    let response = app
        .post(
            "/api/v1/news",
            &admin.token,
            serde_json::json!({"title": "x\u{0}", "body": "y"}),
        )
        .await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    assert!(body["details"]["title"].is_array(), "{body}");
}

/// A CSV holding a NUL is refused (422: not text), not staged; workbook cells with one
/// are refused by staging (its unit test).
#[tokio::test]
async fn an_import_with_a_nul_is_refused() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::SuperAdmin).await;
    let csv = "Nama Perusahaan,Telepon\nPT A\u{0}B,0812\n";
    let form = reqwest::multipart::Form::new()
        .text("module", "customers")
        .part(
            "file",
            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("c.csv"),
        );
    let response = app
        .client
        .post(app.url("/api/v1/imports"))
        .bearer_auth(&admin.token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, 422, "{body}");
    assert!(body["details"]["file"].is_array(), "{body}");
}
