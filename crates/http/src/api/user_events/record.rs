//! The one place user events are recorded from the HTTP layer (USR-2). Each is written in
//! the transaction of the action it records, so it is committed exactly when the action
//! is and costs one small insert:
//!
//! * views of sensitive pages and every export: by route template, when a signed-in
//!   user's transaction begins ([`track_request`], called by the `UserTx` extractor); a
//!   request that fails rolls its event back with it;
//! * imports: by the upload and process handlers ([`import`]), with the import's counts;
//! * sign-in, failed sign-in and sign-out: by the auth handlers (`persistence::user_events`);
//! * API-key use: by the database, once per key per minute (`api_keys_user_event_used`).

use std::collections::BTreeMap;

use actix_web::{web, HttpRequest};
use domain::user_events::{tracked_request, UserEventType};
use persistence::{
    user_events::{self, Client},
    Tx,
};
use serde_json::{json, Map, Value};

use crate::{api::imports::Import, error::ApiResult};

/// The peer's address (as the login rate limit sees it) and the `User-Agent`.
pub fn client(req: &HttpRequest) -> Client {
    Client {
        ip: req.peer_addr().map(|addr| addr.ip().to_string()),
        user_agent: req
            .headers()
            .get("user-agent")
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(500).collect()),
    }
}

/// Records the request when its route is an export or a sensitive view; an export's
/// details are its query parameters (the filters it was made with).
pub async fn track_request(req: &HttpRequest, tx: &mut Tx) -> ApiResult<()> {
    let Some(pattern) = req.match_pattern() else {
        return Ok(());
    };
    let Some(tracked) = tracked_request(req.method().as_str(), &pattern, req.path()) else {
        return Ok(());
    };
    let client = client(req);
    if tracked.rfq_ticket {
        let id = req.match_info().get("id").and_then(|id| id.parse().ok());
        if let Some(id) = id {
            user_events::record_rfq_view(tx, id, &client).await?;
        }
        return Ok(());
    }
    let details = match tracked.kind {
        UserEventType::Export => json!({ "filters": query_params(req.query_string()) }),
        _ => json!({}),
    };
    user_events::record(tx, tracked.kind, &tracked.resource, &details, &client).await?;
    Ok(())
}

/// `a=1&b=x` as `{"a": "1", "b": "x"}`.
fn query_params(query: &str) -> Value {
    let params = web::Query::<BTreeMap<String, String>>::from_query(query)
        .map(web::Query::into_inner)
        .unwrap_or_default();
    Value::Object(
        params
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect::<Map<String, Value>>(),
    )
}

/// An import uploaded or started (`action`), with its module and counts so far.
pub async fn import(
    tx: &mut Tx,
    req: &HttpRequest,
    action: &str,
    import: &Import,
) -> ApiResult<()> {
    let details = json!({
        "action": action,
        "import_id": import.id,
        "import_code": import.import_code,
        "module": import.module,
        "original_name": import.original_name,
        "total_rows": import.total_rows,
        "success_count": import.success_count,
        "error_count": import.error_count,
        "duplicate_count": import.duplicate_count,
    });
    let resource = format!("imports/{}", import.id);
    user_events::record(tx, UserEventType::Import, &resource, &details, &client(req)).await?;
    Ok(())
}
