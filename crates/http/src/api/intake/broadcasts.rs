use actix_web::{http::StatusCode, post, web, HttpRequest, HttpResponse};
use domain::{
    tickets::{writes_broadcast_logs, BROADCAST_STATUSES},
    FieldErrors,
};
use persistence::intake::{self, NewBroadcastLog};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{claim, sender, Fields, IntakeBody};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    events::{BroadcastsStored, NewestBroadcast},
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
    /// `success`, `failed` or `pending`.
    #[schema(example = "failed")]
    status: String,
    #[schema(example = "Paket Anda sedang dalam perjalanan")]
    message_content: Option<String>,
    #[schema(example = "Nomor tidak terdaftar WA")]
    error_message: Option<String>,
    /// When it was sent (RFC 3339); the time of receipt when absent.
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

/// Reads one log; `prefix` names the batch item in messages (`[3].status is required`).
fn read_log(
    value: &Value,
    prefix: String,
) -> Result<Result<NewBroadcastLog, (String, FieldErrors)>, ApiError> {
    let mut f = Fields::new(value, prefix)?;
    let tracking_number = f.required_text(&["tracking_number", "awb"], 64);
    let consignee_phone = f.phone(&["consignee_phone", "phone", "customer_phone"], false);
    let status = f.one_of(&["status"], &BROADCAST_STATUSES, None);
    let message_content = f.text(&["message_content", "message"], 10_000);
    let error_message = f.text(&["error_message", "error"], 2_000);
    let broadcast_at = f.instant(&["broadcast_at", "sent_at", "timestamp"]);
    Ok(match (f.into_problem(), tracking_number, status) {
        (None, Some(tracking_number), Some(status)) => Ok(NewBroadcastLog {
            tracking_number,
            consignee_phone,
            status,
            message_content,
            error_message,
            broadcast_at,
        }),
        (Some(problem), _, _) => Err(problem),
        (None, _, _) => Err((
            "the log is incomplete".to_owned(),
            FieldErrors::single("body", "is incomplete"),
        )),
    })
}

/// What a committed insert announces on the realtime feed (the newest log by time).
fn stored(logs: &[NewBroadcastLog], ids: &[Uuid]) -> Option<BroadcastsStored> {
    let now = chrono::Utc::now();
    let (log, id) = logs
        .iter()
        .zip(ids)
        .max_by_key(|(log, _)| log.broadcast_at.unwrap_or(now))?;
    Some(BroadcastsStored {
        count: logs.len(),
        failed: logs.iter().filter(|l| l.status == "failed").count(),
        newest: NewestBroadcast {
            id: *id,
            tracking_number: log.tracking_number.clone(),
            status: log.status.clone(),
            error_message: log.error_message.clone(),
            broadcast_at: log.broadcast_at.unwrap_or(now),
        },
    })
}

/// Records WhatsApp broadcasts (BRD-1): n8n with `X-API-KEY` (scope `broadcast:write`),
/// or super/CS admins signed in. One object → one log (`201 {"status":"created",
/// "log_id":…}`); a JSON array → one transaction, every valid item stored, a result per
/// item (`201` all, `207` some, `400` none). Each log updates its shipment (per AWB).
/// Retries are safe with `Idempotency-Key` and, without it, for the same body within 24 h.
#[utoipa::path(
    tag = "broadcast",
    security(("api_key" = []), ("bearer" = [])),
    request_body(content = CreateBroadcastLogRequest, description = "One log, or a JSON array of up to 5,000 logs"),
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe (also safe without it within 24 h)")),
    responses(
        (status = 201, description = "Stored: `BroadcastLogCreated` for one log, `BroadcastBatchResult` for a batch", body = BroadcastLogCreated),
        (status = 207, description = "A batch with some items rejected: the valid ones are stored", body = BroadcastBatchResult),
        (status = 400, description = "A required field is missing or invalid: `{\"error\": \"tracking_number is required\", ...}` (a batch: every item rejected)", body = ErrorBody),
        (status = 401, description = "No valid key or session", body = ErrorBody),
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
    match &body.value {
        Value::Array(items) => {
            if items.is_empty() {
                return Err(ApiError::InvalidIntake {
                    message: "body must contain at least one log".to_owned(),
                    details: FieldErrors::single("body", "must contain at least one log"),
                });
            }
            if items.len() > MAX_BATCH {
                return Err(ApiError::InvalidIntake {
                    message: format!("body must contain at most {MAX_BATCH} logs"),
                    details: FieldErrors::single(
                        "body",
                        format!("must contain at most {MAX_BATCH} logs"),
                    ),
                });
            }
            let mut valid = Vec::with_capacity(items.len());
            let mut results = Vec::with_capacity(items.len());
            for (index, item) in items.iter().enumerate() {
                let read = match read_log(item, format!("[{index}].")) {
                    Ok(read) => read,
                    Err(ApiError::InvalidIntake { message, details }) => Err((message, details)),
                    Err(other) => return Err(other),
                };
                match read {
                    Ok(log) => {
                        valid.push((index, log));
                        results.push(None);
                    }
                    Err((message, details)) => results.push(Some(BroadcastItemResult {
                        index,
                        status: "error".to_owned(),
                        log_id: None,
                        error: Some(message),
                        details: Some(details),
                    })),
                }
            }
            let failed = items.len() - valid.len();
            if valid.is_empty() {
                let results: Vec<BroadcastItemResult> = results.into_iter().flatten().collect();
                let error = results.first().and_then(|r| r.error.clone());
                let body = BroadcastBatchResult {
                    status: "failed".to_owned(),
                    created: 0,
                    failed,
                    results,
                    error,
                    code: Some("validation_failed".to_owned()),
                };
                return Ok(HttpResponse::BadRequest().json(body));
            }
            let retry = match claim(&mut tx, key, &req, who, &body).await? {
                Ok(retry) => retry,
                Err(replay) => {
                    persistence::commit(tx).await?;
                    return Ok(replay);
                }
            };
            let logs: Vec<NewBroadcastLog> = valid.iter().map(|(_, log)| log.clone()).collect();
            let ids = intake::insert_broadcast_logs(&mut tx, who, &logs).await?;
            let stored = stored(&logs, &ids);
            for ((index, _), id) in valid.iter().zip(ids) {
                results[*index] = Some(BroadcastItemResult {
                    index: *index,
                    status: "created".to_owned(),
                    log_id: Some(id),
                    error: None,
                    details: None,
                });
            }
            let created = items.len() - failed;
            let (status, label) = if failed == 0 {
                (StatusCode::CREATED, "created")
            } else {
                (StatusCode::MULTI_STATUS, "partial")
            };
            let body = BroadcastBatchResult {
                status: label.to_owned(),
                created,
                failed,
                results: results.into_iter().flatten().collect(),
                error: None,
                code: None,
            };
            let response = retry
                .respond(&mut tx, "broadcast_batch", status, &body)
                .await?;
            persistence::commit(tx).await?;
            if let Some(stored) = stored {
                state.events.broadcasts_stored(stored);
            }
            Ok(response)
        }
        single => {
            let log = match read_log(single, String::new())? {
                Ok(log) => log,
                Err((message, details)) => {
                    return Err(ApiError::InvalidIntake { message, details })
                }
            };
            let retry = match claim(&mut tx, key, &req, who, &body).await? {
                Ok(retry) => retry,
                Err(replay) => {
                    persistence::commit(tx).await?;
                    return Ok(replay);
                }
            };
            let ids =
                intake::insert_broadcast_logs(&mut tx, who, std::slice::from_ref(&log)).await?;
            let created = BroadcastLogCreated {
                status: "created".to_owned(),
                log_id: ids[0],
            };
            let response = retry
                .respond(&mut tx, "broadcast_log", StatusCode::CREATED, &created)
                .await?;
            persistence::commit(tx).await?;
            if let Some(stored) = stored(std::slice::from_ref(&log), &ids) {
                state.events.broadcasts_stored(stored);
            }
            Ok(response)
        }
    }
}
