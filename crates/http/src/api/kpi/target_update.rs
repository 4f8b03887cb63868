//! PATCH /kpi/targets/{id} (KPI-2).

use actix_web::{patch, web, HttpResponse};
use domain::{kpi::target::TargetPatch, FieldErrors};
use persistence::kpi::targets;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{require_target_writer, target_failure, Target, TargetConflictBody};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// What to change: any of the days, the value and the note.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTargetRequest {
    #[schema(value_type = Option<String>, format = Date)]
    pub period_start: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub period_end: Option<String>,
    pub target_value: Option<String>,
    pub note: Option<String>,
}

impl TryFrom<UpdateTargetRequest> for TargetPatch {
    type Error = FieldErrors;

    fn try_from(r: UpdateTargetRequest) -> Result<Self, FieldErrors> {
        TargetPatch::parse(
            r.period_start.as_deref(),
            r.period_end.as_deref(),
            r.target_value.as_deref(),
            r.note,
        )
    }
}

/// Changes a target you may set; the overlap rule of `POST kpi/targets` holds.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Target id")),
    request_body = UpdateTargetRequest,
    responses(
        (status = 200, description = "The target", body = Target),
        (status = 403, description = "Not a target you may set", body = ErrorBody),
        (status = 404, description = "No such target you may read", body = ErrorBody),
        (status = 409, description = "Overlaps another target", body = TargetConflictBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[patch("/kpi/targets/{id}")]
#[tracing::instrument(name = "PATCH /kpi/targets/{id}", skip_all)]
pub async fn update_target(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateTargetRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_target_writer(&user)?;
    let patch = TargetPatch::try_from(body.value).map_err(ApiError::Validation)?;
    match targets::update(&mut tx, id.into_inner(), &patch).await {
        Ok(row) => {
            persistence::commit(tx).await?;
            Ok(HttpResponse::Ok().json(Target::from(row)))
        }
        Err(err) => target_failure(err),
    }
}
