//! POST /kpi/entries (KPI-3).

use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use domain::{
    kpi::{
        entry::{EntryInput, NewEntry},
        EntrySource,
    },
    FieldErrors,
};
use persistence::kpi::entries::{self, EntryError};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{require_reader, Entry};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

/// A value of a MANUAL or IMPORTED metric for a day, with optional evidence (a file
/// uploaded to bucket `kpi-evidence`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEntryRequest {
    #[schema(example = "new_students")]
    pub metric_key: Option<String>,
    #[schema(value_type = Option<domain::kpi::AssigneeKind>)]
    pub assignee_kind: Option<String>,
    pub assignee_user_id: Option<Uuid>,
    pub assignee_dept: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub entry_date: Option<String>,
    #[schema(example = "12")]
    pub value: Option<String>,
    pub note: Option<String>,
    pub evidence_file_id: Option<Uuid>,
}

impl TryFrom<CreateEntryRequest> for NewEntry {
    type Error = FieldErrors;

    fn try_from(r: CreateEntryRequest) -> Result<Self, FieldErrors> {
        let input = EntryInput {
            metric_key: r.metric_key,
            assignee_kind: r.assignee_kind,
            assignee_user_id: r.assignee_user_id,
            assignee_dept: r.assignee_dept,
            entry_date: r.entry_date,
            value: r.value,
            note: r.note,
            evidence_file_id: r.evidence_file_id,
        };
        NewEntry::parse(input, domain::jakarta_today())
    }
}

/// Records a value. Your own for your department's metrics; a department's manager for
/// anyone of its metrics. AUTO metrics refuse entries (422). Accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    request_body = CreateEntryRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "The entry", body = Entry),
        (status = 403, description = "Not a value you may enter", body = ErrorBody),
        (status = 422, description = "Invalid fields, or an AUTO metric", body = ErrorBody),
    )
)]
#[post("/kpi/entries")]
#[tracing::instrument(name = "POST /kpi/entries", skip_all)]
pub async fn create_entry(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateEntryRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let entry = NewEntry::try_from(body.value).map_err(ApiError::Validation)?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let created = entries::create(&mut tx, &entry, EntrySource::Manual)
        .await
        .map_err(|e| match e {
            EntryError::Fields(fields) => ApiError::Validation(fields),
            EntryError::Db(db) => db.into(),
        })?;
    let response = idem
        .respond(&mut tx, StatusCode::CREATED, &Entry::from(created))
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}
