//! POST /marketing/events: records a marketing event.

use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use domain::{
    crm::marketing::{EventInput, MarketingAccess, RecordEvent},
    FieldErrors,
};
use persistence::crm::marketing::{self, NewEvent};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    api::crm::require_role,
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

use super::dto::*;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateEventRequest {
    pub event_date: Option<NaiveDate>,
    pub title: Option<String>,
    /// campaign, content, exhibition, webinar, promotion or other.
    pub event_type: Option<String>,
    /// A channel code.
    pub channel: Option<String>,
    pub description: Option<String>,
    /// IDR, decimal string.
    pub budget: Option<String>,
}

/// The request checked against the rules of an event, every broken rule at once.
impl TryFrom<CreateEventRequest> for RecordEvent {
    type Error = FieldErrors;

    fn try_from(b: CreateEventRequest) -> Result<Self, FieldErrors> {
        RecordEvent::parse(EventInput {
            event_date: b.event_date,
            title: b.title,
            event_type: b.event_type,
            channel: b.channel,
            description: b.description,
            budget: b.budget,
        })
    }
}

/// Records a marketing event. Accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = CreateEventRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "Recorded", body = MarketingEvent),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Marketing only", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/marketing/events")]
#[tracing::instrument(name = "POST /marketing/events", skip_all)]
pub async fn create_event(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateEventRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, MarketingAccess::enters)?;
    let event = RecordEvent::try_from(body.value).map_err(ApiError::Validation)?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let row = marketing::insert_event(&mut tx, &record(event, user.id)).await?;
    let response = idem
        .respond(&mut tx, StatusCode::CREATED, &MarketingEvent::from(row))
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}

/// The row to insert.
fn record(event: RecordEvent, by: Uuid) -> NewEvent {
    NewEvent {
        event_date: event.event_date,
        title: event.title,
        event_type: event.event_type.as_str().to_owned(),
        channel: event.channel,
        description: event.description,
        budget: event.budget.map(|a| a.to_string()),
        created_by: by,
    }
}
