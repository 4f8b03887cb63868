//! The error answers every operation shares, declared once (`components.responses`) and
//! referenced by each operation that can give them, unless its own annotation already
//! describes that status more precisely:
//!
//! | status | operations |
//! |---|---|
//! | 400 | all: malformed JSON, an unreadable query string, text the database cannot store |
//! | 401, 403 | those with a security requirement |
//! | 404 | those with a path parameter |
//! | 413 | those with a request body |
//! | 422 | those with parameters or a body |
//! | 429 | those open to API keys (per-key limits) and sign-in |
//! | 503 | all: the database is unreachable |
//!
//! and the bounds every parameter of a kind shares: `page` 1–1,000,000 and `per_page`
//! 1–200 (PLT-PAGE, unless the operation states its own maximum), `Idempotency-Key`
//! 1–255 visible ASCII characters.

use serde_json::{json, Map, Value};

const SHARED: [(&str, &str, &str); 8] = [
    ("400", "BadRequest", "Malformed JSON, an unreadable query string or path, or text that cannot be stored (a NUL character)"),
    ("401", "Unauthorized", "Not signed in, or the token or API key is not valid"),
    ("403", "Forbidden", "The caller's role or the key's scopes do not allow this"),
    ("404", "NotFound", "No such record in the caller's scope"),
    ("413", "PayloadTooLarge", "The request body is too large"),
    ("422", "ValidationFailed", "A parameter or a body field is not valid"),
    ("429", "RateLimited", "Too many requests; `Retry-After` says when to try again"),
    ("503", "ServiceUnavailable", "The database is unavailable; try again shortly"),
];

/// `document` with the shared responses added where they apply.
pub fn with_shared_responses(document: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    let Ok(mut value) = serde_json::to_value(&document) else {
        return document;
    };
    add(&mut value);
    bound_parameters(&mut value);
    serde_json::from_value(value).unwrap_or(document)
}

fn add(document: &mut Value) {
    let components = document["components"].as_object_mut();
    if let Some(components) = components {
        let responses = components
            .entry("responses")
            .or_insert_with(|| Value::Object(Map::new()));
        for (_, name, description) in SHARED {
            responses[name] = json!({
                "description": description,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}},
            });
        }
    }
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for operation in item.values_mut().filter_map(Value::as_object_mut) {
            let statuses = applicable(operation);
            let Some(responses) = operation
                .get_mut("responses")
                .and_then(Value::as_object_mut)
            else {
                continue;
            };
            for (status, name, _) in SHARED.iter().filter(|(s, ..)| statuses.contains(s)) {
                responses
                    .entry(*status)
                    .or_insert_with(|| json!({"$ref": format!("#/components/responses/{name}")}));
            }
        }
    }
}

fn applicable(operation: &Map<String, Value>) -> Vec<&'static str> {
    let schemes: Vec<&str> = operation
        .get("security")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .flat_map(|requirement| requirement.keys().map(String::as_str))
        .collect();
    let parameters = operation.get("parameters").and_then(Value::as_array);
    let has_path_parameter = parameters.into_iter().flatten().any(|p| p["in"] == "path");
    let has_parameters = parameters.is_some_and(|p| !p.is_empty());
    let has_body = operation.contains_key("requestBody");
    let mut statuses = vec!["400", "503"];
    if !schemes.is_empty() {
        statuses.extend(["401", "403"]);
    }
    if has_path_parameter {
        statuses.push("404");
    }
    if has_body {
        statuses.push("413");
    }
    if has_body || has_parameters {
        statuses.push("422");
    }
    if schemes.contains(&"api_key") {
        statuses.push("429");
    }
    statuses
}

fn bound_parameters(document: &mut Value) {
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    let operations = paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut());
    for operation in operations {
        let Some(parameters) = operation
            .get_mut("parameters")
            .and_then(Value::as_array_mut)
        else {
            continue;
        };
        for parameter in parameters {
            let name = parameter["name"].as_str().unwrap_or_default().to_owned();
            let schema = &mut parameter["schema"];
            match name.as_str() {
                "page" => {
                    schema["minimum"] = json!(1);
                    schema["maximum"] = json!(1_000_000);
                }
                "per_page" => {
                    schema["minimum"] = json!(1);
                    if schema.get("maximum").is_none() {
                        schema["maximum"] = json!(domain::list::MAX_PER_PAGE);
                    }
                }
                "Idempotency-Key" => {
                    *schema = json!({"type": "string", "pattern": "^[!-~]{1,255}$"});
                }
                _ => {}
            }
        }
    }
}
