//! PATCH /prospects/{id}/stage: the pipeline move (CRM-3).

use actix_web::{patch, web};
use domain::{
    crm::{CrmAccess, Stage},
    FieldErrors,
};
use persistence::crm::prospects::{self};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::{bounded, require_role, text};
use super::*;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeStageRequest {
    #[schema(value_type = Option<domain::crm::Stage>, example = "qualification")]
    pub stage: Option<String>,
    /// Required when `stage` is `lost`.
    pub lost_reason: Option<String>,
}

/// Moves a prospect to another stage (CRM-3); `lost` needs `lost_reason`. Writes the
/// stage history and a system activity.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Prospect id")),
    request_body = ChangeStageRequest,
    responses(
        (status = 200, description = "The prospect after the change", body = ProspectDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not work the pipeline", body = ErrorBody),
        (status = 404, description = "No such prospect in your scope", body = ErrorBody),
        (status = 422, description = "Unknown stage, or lost without a reason", body = ErrorBody),
    )
)]
#[patch("/prospects/{id}/stage")]
#[tracing::instrument(name = "PATCH /prospects/{id}/stage", skip_all)]
pub async fn change_stage(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<ChangeStageRequest>,
) -> ApiResult<web::Json<ProspectDetail>> {
    let UserTx { mut tx, user } = ctx;
    require_role(&user, CrmAccess::works_pipeline)?;
    let body = body.value;
    let mut errors = FieldErrors::new();
    let stage = match text(body.stage) {
        None => {
            errors.add("stage", "is required");
            None
        }
        Some(raw) => errors.take("stage", raw.parse::<Stage>()),
    };
    let lost_reason = bounded(&mut errors, "lost_reason", body.lost_reason, 1000, false);
    if stage == Some(Stage::Lost) && lost_reason.is_none() {
        errors.add("lost_reason", "is required when the stage is lost");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let stage = stage.ok_or_else(|| ApiError::Internal("stage invariant".to_owned()))?;
    let id = id.into_inner();
    prospects::change_stage(&mut tx, id, stage.as_str(), lost_reason.as_deref()).await?;
    let detail = load_detail(&mut tx, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(detail))
}
