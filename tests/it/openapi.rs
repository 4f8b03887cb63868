//! The committed OpenAPI document equals the generated one. Regenerate with
//! `make openapi` (or UPDATE_OPENAPI=1 on this test).

#[test]
fn committed_openapi_is_current() {
    let generated = format!(
        "{}\n",
        serde_json::to_string_pretty(&http_api::openapi()).expect("serialise the OpenAPI document")
    );
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/openapi.json");
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).expect("write openapi/openapi.json");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    );
}
