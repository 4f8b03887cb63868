//! POST /kpi/periods/close (KPI-5).

use actix_web::{http::StatusCode, post, HttpResponse};
use domain::{kpi::period::Period, Department, FieldErrors};
use persistence::kpi::closes;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{period_dto::ended_period_and_dept, require_target_writer, PeriodClose};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClosePeriodRequest {
    /// A period that has ended: `2026-11`, `2026-Q4` or `2026`.
    pub period: Option<String>,
    /// The department whose metrics are closed.
    pub dept: Option<String>,
}

/// A checked close request.
pub struct CloseRequest {
    pub period: Period,
    pub dept: Department,
}

impl TryFrom<ClosePeriodRequest> for CloseRequest {
    type Error = FieldErrors;

    fn try_from(r: ClosePeriodRequest) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let today = domain::jakarta_today();
        match ended_period_and_dept(&mut errors, r.period.as_deref(), r.dept.as_deref(), today) {
            Some((period, dept)) if errors.is_empty() => Ok(Self { period, dept }),
            _ => Err(errors),
        }
    }
}

/// Closes a period for a department's metrics: freezes the target, actual, achievement
/// and status of every metric and assignee with a target in it. Super admin, and the
/// marketing, finance and CS managers for their department.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    request_body = ClosePeriodRequest,
    responses(
        (status = 201, description = "The close", body = PeriodClose),
        (status = 403, description = "Not a department you close", body = ErrorBody),
        (status = 409, description = "Already closed (reopen it first)", body = ErrorBody),
        (status = 422, description = "Bad or running period, unknown department", body = ErrorBody),
    )
)]
#[post("/kpi/periods/close")]
#[tracing::instrument(name = "POST /kpi/periods/close", skip_all)]
pub async fn close_period(
    ctx: UserTx,
    body: ValidJson<ClosePeriodRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_target_writer(&user)?;
    let request = CloseRequest::try_from(body.value).map_err(ApiError::Validation)?;
    let today = domain::jakarta_today();
    let close = closes::close(&mut tx, request.period, request.dept.code(), today).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(PeriodClose::from(close)))
}
