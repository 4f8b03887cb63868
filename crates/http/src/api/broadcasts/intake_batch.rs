//! Reading and storing a broadcast intake request: one log, or a batch whose valid items
//! are stored while the rest get their problems (BRD-1).

use actix_web::{http::StatusCode, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use domain::{
    tickets::{BROADCAST_STATUSES, BROADCAST_TIME_FIELDS},
    FieldErrors,
};
use persistence::{
    intake::{self, NewBroadcastLog, Sender},
    Tx,
};
use serde_json::Value;
use uuid::Uuid;

use super::intake::{BroadcastBatchResult, BroadcastItemResult, BroadcastLogCreated, MAX_BATCH};
use crate::{
    api::intake::{claim, Fields, IntakeBody, Retry},
    error::{ApiError, ApiResult},
    events::{BroadcastsStored, NewestBroadcast},
    extract::IdempotencyKey,
};

/// Who sent what, for the retry check.
pub struct Request<'a> {
    pub who: Sender,
    pub key: IdempotencyKey,
    pub req: &'a HttpRequest,
    pub body: &'a IntakeBody,
}

/// The answer, and what to announce on the realtime feed once committed.
pub struct Outcome {
    pub response: HttpResponse,
    pub stored: Option<BroadcastsStored>,
}

impl Request<'_> {
    /// The retry check: `Err(outcome)` replays the earlier answer. The times (one per
    /// item) may differ from the earlier request's within the retry window.
    async fn claim(
        self,
        tx: &mut Tx,
        times: Vec<Option<DateTime<Utc>>>,
    ) -> ApiResult<Result<Retry, Outcome>> {
        let identity = self.body.identity_without(&BROADCAST_TIME_FIELDS, times);
        Ok(claim(tx, self.key, self.req, self.who, identity)
            .await?
            .map_err(|response| Outcome {
                response,
                stored: None,
            }))
    }
}

/// A batch read item by item: the valid logs with their index, a slot per item.
pub struct Batch {
    valid: Vec<(usize, NewBroadcastLog)>,
    results: Vec<Option<BroadcastItemResult>>,
}

fn invalid_body(message: String) -> ApiError {
    ApiError::InvalidIntake {
        message: format!("body {message}"),
        details: FieldErrors::single("body", message),
    }
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
    let broadcast_at = f.instant(&BROADCAST_TIME_FIELDS);
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

/// Reads every item of a batch (1 to MAX_BATCH of them).
pub fn read_batch(items: &[Value]) -> ApiResult<Batch> {
    if items.is_empty() {
        return Err(invalid_body("must contain at least one log".to_owned()));
    }
    if items.len() > MAX_BATCH {
        return Err(invalid_body(format!(
            "must contain at most {MAX_BATCH} logs"
        )));
    }
    let mut batch = Batch {
        valid: Vec::with_capacity(items.len()),
        results: Vec::with_capacity(items.len()),
    };
    for (index, item) in items.iter().enumerate() {
        let read = match read_log(item, format!("[{index}].")) {
            Ok(read) => read,
            Err(ApiError::InvalidIntake { message, details }) => Err((message, details)),
            Err(other) => return Err(other),
        };
        match read {
            Ok(log) => {
                batch.valid.push((index, log));
                batch.results.push(None);
            }
            Err((message, details)) => batch.results.push(Some(BroadcastItemResult {
                index,
                status: "error".to_owned(),
                log_id: None,
                error: Some(message),
                details: Some(details),
            })),
        }
    }
    Ok(batch)
}

/// Stores a batch's valid logs in one transaction: `201` all, `207` some, `400` none.
pub async fn store_batch(tx: &mut Tx, request: Request<'_>, batch: Batch) -> ApiResult<Outcome> {
    let Batch { valid, mut results } = batch;
    let failed = results.len() - valid.len();
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
        let response = HttpResponse::BadRequest().json(body);
        return Ok(Outcome {
            response,
            stored: None,
        });
    }
    let who = request.who;
    let mut times = vec![None; results.len()];
    for (index, log) in &valid {
        times[*index] = log.broadcast_at;
    }
    let retry = match request.claim(tx, times).await? {
        Ok(retry) => retry,
        Err(replay) => return Ok(replay),
    };
    let logs: Vec<NewBroadcastLog> = valid.iter().map(|(_, log)| log.clone()).collect();
    let ids = intake::insert_broadcast_logs(tx, who, &logs).await?;
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
    let (status, label) = if failed == 0 {
        (StatusCode::CREATED, "created")
    } else {
        (StatusCode::MULTI_STATUS, "partial")
    };
    let body = BroadcastBatchResult {
        status: label.to_owned(),
        created: valid.len(),
        failed,
        results: results.into_iter().flatten().collect(),
        error: None,
        code: None,
    };
    let response = retry.respond(tx, "broadcast_batch", status, &body).await?;
    Ok(Outcome { response, stored })
}

/// Stores one log: `201 {"status":"created","log_id":…}`.
pub async fn store_one(tx: &mut Tx, request: Request<'_>, single: &Value) -> ApiResult<Outcome> {
    let log = match read_log(single, String::new())? {
        Ok(log) => log,
        Err((message, details)) => return Err(ApiError::InvalidIntake { message, details }),
    };
    let who = request.who;
    let retry = match request.claim(tx, vec![log.broadcast_at]).await? {
        Ok(retry) => retry,
        Err(replay) => return Ok(replay),
    };
    let ids = intake::insert_broadcast_logs(tx, who, std::slice::from_ref(&log)).await?;
    let created = BroadcastLogCreated {
        status: "created".to_owned(),
        log_id: ids[0],
    };
    let response = retry
        .respond(tx, "broadcast_log", StatusCode::CREATED, &created)
        .await?;
    let stored = stored(std::slice::from_ref(&log), &ids);
    Ok(Outcome { response, stored })
}
