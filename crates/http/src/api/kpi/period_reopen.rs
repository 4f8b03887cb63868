//! POST /kpi/periods/reopen (KPI-5).

use actix_web::{post, web};
use domain::{crm::fields::bounded, kpi::period::Period, Department, FieldErrors};
use persistence::{kpi::closes, DbError};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{period_dto::ended_period_and_dept, require_target_writer, PeriodClose};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReopenPeriodRequest {
    pub period: Option<String>,
    pub dept: Option<String>,
    /// Why the closed figures must change (3–1000 characters).
    pub reason: Option<String>,
}

/// A checked reopen request.
pub struct ReopenRequest {
    pub period: Period,
    pub dept: Department,
    pub reason: String,
}

impl TryFrom<ReopenPeriodRequest> for ReopenRequest {
    type Error = FieldErrors;

    fn try_from(r: ReopenPeriodRequest) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let today = domain::jakarta_today();
        let target =
            ended_period_and_dept(&mut errors, r.period.as_deref(), r.dept.as_deref(), today);
        let reason = bounded(&mut errors, "reason", r.reason, 1000, true);
        if reason.as_deref().is_some_and(|t| t.chars().count() < 3) {
            errors.add("reason", "must say why, in at least 3 characters");
        }
        match (target, reason, errors.is_empty()) {
            (Some((period, dept)), Some(reason), true) => Ok(Self {
                period,
                dept,
                reason,
            }),
            _ => Err(errors),
        }
    }
}

/// Reopens a closed period of a department, with the reason; its close stays as history
/// and closing again makes the next revision.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    request_body = ReopenPeriodRequest,
    responses(
        (status = 200, description = "The reopened close", body = PeriodClose),
        (status = 403, description = "Not a department you close", body = ErrorBody),
        (status = 409, description = "The period is not closed", body = ErrorBody),
        (status = 422, description = "Missing reason, bad period or department", body = ErrorBody),
    )
)]
#[post("/kpi/periods/reopen")]
#[tracing::instrument(name = "POST /kpi/periods/reopen", skip_all)]
pub async fn reopen_period(
    ctx: UserTx,
    body: ValidJson<ReopenPeriodRequest>,
) -> ApiResult<web::Json<PeriodClose>> {
    let UserTx { mut tx, user } = ctx;
    require_target_writer(&user)?;
    let r = ReopenRequest::try_from(body.value).map_err(ApiError::Validation)?;
    let reopened = closes::reopen(&mut tx, &r.period.label(), r.dept.code(), &r.reason)
        .await
        .map_err(|e| match e {
            DbError::NotFound => ApiError::Conflict {
                message: "the period is not closed".to_owned(),
                details: None,
            },
            other => other.into(),
        })?;
    persistence::commit(tx).await?;
    Ok(web::Json(PeriodClose::from(reopened)))
}
