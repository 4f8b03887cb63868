//! PATCH /activities/{id}: edits a hand-logged activity.

use actix_web::{patch, web};
use chrono::{DateTime, Utc};
use domain::{
    crm::{activity::ActivityEdit, CrmAccess},
    FieldErrors,
};
use persistence::crm::activities::{self, ActivityChanges};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    api::crm::require_role,
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

use super::dto::*;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateActivityRequest {
    pub subject: Option<String>,
    pub notes: Option<String>,
    pub scheduled_at: Option<DateTime<Utc>>,
}

/// The request checked (a given subject is not blank, texts within their bounds).
impl TryFrom<UpdateActivityRequest> for ActivityChanges {
    type Error = FieldErrors;

    fn try_from(b: UpdateActivityRequest) -> Result<Self, FieldErrors> {
        let edit = ActivityEdit::parse(b.subject, b.notes)?;
        Ok(Self {
            subject: edit.subject,
            notes: edit.notes,
            scheduled_at: b.scheduled_at.map(Some),
        })
    }
}

/// Edits a hand-logged activity (system entries cannot be edited).
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Activity id")),
    request_body = UpdateActivityRequest,
    responses(
        (status = 200, description = "The changed activity", body = Activity),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not log activities", body = ErrorBody),
        (status = 404, description = "No such editable activity in your scope", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[patch("/activities/{id}")]
#[tracing::instrument(name = "PATCH /activities/{id}", skip_all)]
pub async fn update_activity(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateActivityRequest>,
) -> ApiResult<web::Json<Activity>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::logs_activities)?;
    let changes = ActivityChanges::try_from(body.value).map_err(ApiError::Validation)?;
    let row = activities::update(&mut tx, id.into_inner(), &changes).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
