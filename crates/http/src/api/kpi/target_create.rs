//! POST /kpi/targets (KPI-2).

use actix_web::{http::StatusCode, post, HttpResponse};
use domain::{
    kpi::target::{NewTarget, TargetInput},
    FieldErrors,
};
use persistence::kpi::targets;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{require_target_writer, target_failure, Target, TargetConflictBody};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// A new target: a metric, an assignee, its days (a `period` or both ends) and value.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTargetRequest {
    #[schema(example = "leads_total")]
    pub metric_key: Option<String>,
    #[schema(value_type = Option<domain::kpi::AssigneeKind>)]
    pub assignee_kind: Option<String>,
    /// The user, or the team's manager.
    pub assignee_user_id: Option<Uuid>,
    #[schema(example = "MKT")]
    pub assignee_dept: Option<String>,
    /// `2026-11`, `2026-Q4` or `2026` instead of `period_start` and `period_end`.
    #[schema(example = "2026-11")]
    pub period: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub period_start: Option<String>,
    #[schema(value_type = Option<String>, format = Date)]
    pub period_end: Option<String>,
    /// At least 0, at most two decimals.
    #[schema(example = "300")]
    pub target_value: Option<String>,
    pub note: Option<String>,
}

impl TryFrom<CreateTargetRequest> for NewTarget {
    type Error = FieldErrors;

    fn try_from(r: CreateTargetRequest) -> Result<Self, FieldErrors> {
        NewTarget::parse(TargetInput {
            metric_key: r.metric_key,
            assignee_kind: r.assignee_kind,
            assignee_user_id: r.assignee_user_id,
            assignee_dept: r.assignee_dept,
            period: r.period,
            period_start: r.period_start,
            period_end: r.period_end,
            target_value: r.target_value,
            note: r.note,
        })
    }
}

/// Sets a target. Marketing manager: marketing metrics; sales manager: sales metrics of
/// their team; finance manager: finance; CS admin: CS; super admin: all. No two targets of
/// one metric and assignee overlap: 409 names the one in the way.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    request_body = CreateTargetRequest,
    responses(
        (status = 201, description = "The target", body = Target),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a target you may set", body = ErrorBody),
        (status = 409, description = "Overlaps another target of the metric and assignee", body = TargetConflictBody),
        (status = 422, description = "Invalid fields (all of them reported)", body = ErrorBody),
    )
)]
#[post("/kpi/targets")]
#[tracing::instrument(name = "POST /kpi/targets", skip_all)]
pub async fn create_target(
    ctx: UserTx,
    body: ValidJson<CreateTargetRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_target_writer(&user)?;
    let target = NewTarget::try_from(body.value).map_err(ApiError::Validation)?;
    match targets::create(&mut tx, &target).await {
        Ok(row) => {
            persistence::commit(tx).await?;
            Ok(HttpResponse::build(StatusCode::CREATED).json(Target::from(row)))
        }
        Err(err) => target_failure(err),
    }
}
