//! POST /broadcast-logs: the n8n broadcast intake (BRD-1, seed 004).

use actix_web::{post, web, HttpRequest, HttpResponse};
use domain::{tickets::writes_broadcast_logs, FieldErrors};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

use super::intake_batch::{read_batch, store_batch, store_one, Request};
use crate::api::intake::{sender, IntakeBody};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::{CallerTx, IdempotencyKey},
    AppState,
};

/// Most logs one request may carry.
pub const MAX_BATCH: usize = 5_000;

/// One broadcast as n8n's "Broadcast Logistic" flow reports it (seed 004). The short
/// names of the seed's examples (`phone`, `message`, `error`) are accepted too. A batch
/// is a JSON array of these.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(dead_code)] // documents the body; the handler reads it field by field
pub struct CreateBroadcastLogRequest {
    #[schema(example = "LOG2024120100123")]
    tracking_number: String,
    #[schema(example = "6281234567890")]
    consignee_phone: Option<String>,
    #[schema(value_type = domain::tickets::BroadcastStatus, example = "failed")]
    status: String,
    #[schema(example = "Paket Anda sedang dalam perjalanan")]
    message_content: Option<String>,
    #[schema(example = "Nomor tidak terdaftar WA")]
    error_message: Option<String>,
    /// When it was sent (RFC 3339); the time of receipt when absent. Also read as
    /// `sent_at` or `timestamp`. A retry may move it by up to 10 minutes.
    #[schema(value_type = Option<chrono::DateTime<chrono::Utc>>)]
    broadcast_at: Option<String>,
}

/// The seed-004 creation answer for one log.
#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastLogCreated {
    #[schema(example = "created")]
    pub status: String,
    pub log_id: Uuid,
}

/// The answer for a batch: one result per item, in order.
#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastBatchResult {
    /// `created` (all stored), `partial` (some rejected) or `failed` (none stored).
    #[schema(example = "partial")]
    pub status: String,
    pub created: usize,
    pub failed: usize,
    pub results: Vec<BroadcastItemResult>,
    /// With `failed`: the first problem, as for a single log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastItemResult {
    pub index: usize,
    /// `created` or `error`.
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub details: Option<FieldErrors>,
}

/// Records WhatsApp broadcasts (BRD-1): n8n with `X-API-KEY` (scope `broadcast:write`),
/// or super/CS admins signed in. One object → one log (`201 {"status":"created",
/// "log_id":…}`); a JSON array → one transaction, every valid item stored, a result per
/// item (`201` all, `207` some, `400` none). Each log updates its shipment (per AWB).
/// Retries are safe with `Idempotency-Key` and, without it, when the same key sends the
/// same fields within 24 h with each `broadcast_at` at most 10 minutes from the first's.
#[utoipa::path(
    tag = "broadcast",
    security(("api_key" = []), ("bearer" = [])),
    request_body(content = CreateBroadcastLogRequest, description = "One log, or a JSON array of up to 5,000 logs"),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe; `broadcast_at` may differ between tries (also safe without it: the same fields within 24 h, `broadcast_at` within 10 minutes)")),
    responses(
        (status = 201, description = "Stored: `BroadcastLogCreated` for one log, `BroadcastBatchResult` for a batch", body = BroadcastLogCreated),
        (status = 207, description = "A batch with some items rejected: the valid ones are stored", body = BroadcastBatchResult),
        (status = 400, description = "A required field is missing or invalid: `{\"error\": \"tracking_number is required\", ...}` (a batch: every item rejected)", body = ErrorBody),
        (status = 401, description = "No valid key or session", body = ErrorBody),
        (status = 429, description = "The key is over its rate, or the client sent too many unknown keys; see `Retry-After`", body = ErrorBody),
        (status = 403, description = "The key lacks `broadcast:write`, or the role may not post logs", body = ErrorBody),
        (status = 422, description = "The Idempotency-Key was used with another body", body = ErrorBody),
    )
)]
#[post("/broadcast-logs")]
#[tracing::instrument(name = "POST /broadcast-logs", skip_all)]
pub async fn create_broadcast_logs(
    caller: CallerTx,
    key: IdempotencyKey,
    req: HttpRequest,
    body: IntakeBody,
    state: web::Data<AppState>,
) -> ApiResult<HttpResponse> {
    let (mut tx, who) = sender(caller, "broadcast:write", writes_broadcast_logs)?;
    let request = Request {
        who,
        key,
        req: &req,
        body: &body,
    };
    let outcome = match &body.value {
        Value::Array(items) => store_batch(&mut tx, request, read_batch(items)?).await?,
        single => store_one(&mut tx, request, single).await?,
    };
    persistence::commit(tx).await?;
    if let Some(stored) = outcome.stored {
        state.events.broadcasts_stored(stored);
    }
    Ok(outcome.response)
}
