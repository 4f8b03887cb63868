//! Text PostgreSQL cannot store, refused at the door: a NUL character (`\u0000`, `%00`)
//! in a path segment, a query parameter or any string (value or key) of a JSON body.
//! PostgreSQL's `text` and `jsonb` reject it, so without this check such input reached
//! the database and answered 500. Lone surrogates (`\ud800`) and invalid UTF-8 never get
//! this far: JSON parsing refuses them (400 `malformed_json`) and query strings decode
//! them lossily.
//!
//! One rule ([`invalid_text`]) for every door: [`reject_invalid_text`] (middleware, before
//! routing and before any extractor or the activity log reads the URL) answers 400, and
//! the JSON extractors call [`json_field`] to name the offending field in a 422/400.

use actix_web::{
    body::{EitherBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    middleware::Next,
    web, ResponseError,
};
use serde_json::Value;

use crate::error::ApiError;

/// Why `text` cannot be stored, if it cannot.
pub fn invalid_text(text: &str) -> Option<&'static str> {
    text.contains('\0')
        .then_some("must not contain the NUL character (\\u0000)")
}

/// The path (`items[2].name`) of the first string or key of `value` that
/// [`invalid_text`] refuses, with the reason.
pub fn json_field(value: &Value) -> Option<(String, &'static str)> {
    match value {
        Value::String(text) => invalid_text(text).map(|reason| ("body".to_owned(), reason)),
        Value::Array(items) => items.iter().enumerate().find_map(|(index, item)| {
            json_field(item).map(|(path, reason)| (join(&format!("[{index}]"), &path), reason))
        }),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            if let Some(reason) = invalid_text(key) {
                return Some((key.replace('\0', "\\u0000"), reason));
            }
            json_field(item).map(|(path, reason)| (join(key, &path), reason))
        }),
        _ => None,
    }
}

fn join(prefix: &str, path: &str) -> String {
    match path {
        "body" => prefix.to_owned(),
        rest if rest.starts_with('[') => format!("{prefix}{rest}"),
        rest => format!("{prefix}.{rest}"),
    }
}

/// The first decoded path segment or query parameter (name or value) that
/// [`invalid_text`] refuses, as an error to answer with.
pub fn uri_error(path: &str, query: &str) -> Option<ApiError> {
    for segment in path.split('/') {
        let decoded = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
        if let Some(reason) = invalid_text(&decoded) {
            return Some(ApiError::BadRequest(format!("a path segment {reason}")));
        }
    }
    let params = web::Query::<Vec<(String, String)>>::from_query(query).ok()?;
    params.iter().find_map(|(name, value)| {
        let reason = invalid_text(name).or_else(|| invalid_text(value))?;
        let name = name.replace('\0', "\\u0000");
        Some(ApiError::BadRequest(format!(
            "the query parameter {name} {reason}"
        )))
    })
}

/// Middleware: 400 in the error envelope for a URL carrying text the database cannot
/// store, before any handler, extractor or log sees it.
pub async fn reject_invalid_text(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let uri = req.uri();
    if let Some(error) = uri_error(uri.path(), uri.query().unwrap_or("")) {
        let (req, _) = req.into_parts();
        let response = error.error_response().map_into_right_body();
        return Ok(ServiceResponse::new(req, response));
    }
    Ok(next.call(req).await?.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{json_field, uri_error};

    #[test]
    fn names_the_nested_field_with_a_nul() {
        let body = json!({"a": "ok", "items": [{"x": "fine"}, {"name": "bad\u{0}"}]});
        assert_eq!(
            json_field(&body).map(|(path, _)| path).as_deref(),
            Some("items[1].name")
        );
        assert!(json_field(&json!({"k\u{0}": 1})).is_some());
        assert!(json_field(&json!(["a", {"b": "line\nbreak \u{1F600}"}])).is_none());
    }

    #[test]
    fn refuses_an_encoded_nul_in_the_path_or_the_query() {
        assert!(uri_error("/api/v1/shipments/%00", "").is_some());
        assert!(uri_error("/api/v1/leads", "q=a%00b").is_some());
        assert!(uri_error("/api/v1/leads", "q%00=1").is_some());
        assert!(uri_error("/api/v1/leads", "q=%2500&x=%FF").is_none());
        assert!(uri_error("/api/v1/shipments/%2500", "").is_none());
    }
}
