//! POST /kpi/targets/copy (KPI-2): last month's targets into another month.

use actix_web::{post, web};
use domain::{
    kpi::period::{Period, PeriodKind},
    Department, FieldErrors,
};
use persistence::kpi::targets_bulk as targets;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::require_target_writer;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CopyTargetsRequest {
    /// The month to copy from, `2026-11`.
    pub from_period: Option<String>,
    /// The month to copy to, `2026-12`.
    pub to_period: Option<String>,
    /// Only this department's metrics.
    pub dept: Option<String>,
}

/// The months and department of a copy, checked.
pub struct CopyPlan {
    pub from: Period,
    pub to: Period,
    pub dept: Option<Department>,
}

impl TryFrom<CopyTargetsRequest> for CopyPlan {
    type Error = FieldErrors;

    fn try_from(r: CopyTargetsRequest) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut month = |field: &str, raw: Option<&str>| match raw.map(Period::parse) {
            None => {
                errors.add(field, "is required");
                None
            }
            Some(Ok(p)) if p.kind == PeriodKind::Month => Some(p),
            Some(_) => {
                errors.add(field, "must be a month such as 2026-11");
                None
            }
        };
        let from = month("from_period", r.from_period.as_deref());
        let to = month("to_period", r.to_period.as_deref());
        let dept = r.dept.as_deref().and_then(|d| {
            errors.take(
                "dept",
                d.parse::<Department>().map_err(|_| "is not a department"),
            )
        });
        if from.is_some() && from == to {
            errors.add("to_period", "must differ from from_period");
        }
        match (from, to, errors.is_empty()) {
            (Some(from), Some(to), true) => Ok(Self { from, to, dept }),
            _ => Err(errors),
        }
    }
}

/// What the copy did.
#[derive(Debug, Serialize, ToSchema)]
pub struct CopyTargetsBody {
    pub created: i64,
    /// Targets that already had one in the target month (left as they are).
    pub skipped: i64,
}

/// Copies every target of one month you may set into another month; a metric and
/// assignee that already has a target there keeps it (counted as skipped).
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    request_body = CopyTargetsRequest,
    responses(
        (status = 200, description = "Counts", body = CopyTargetsBody),
        (status = 403, description = "This role sets no targets", body = ErrorBody),
        (status = 422, description = "Invalid months", body = ErrorBody),
    )
)]
#[post("/kpi/targets/copy")]
#[tracing::instrument(name = "POST /kpi/targets/copy", skip_all)]
pub async fn copy_targets(
    ctx: UserTx,
    body: ValidJson<CopyTargetsRequest>,
) -> ApiResult<web::Json<CopyTargetsBody>> {
    let UserTx { mut tx, user } = ctx;
    require_target_writer(&user)?;
    let plan = CopyPlan::try_from(body.value).map_err(ApiError::Validation)?;
    let done =
        targets::copy_month(&mut tx, plan.from, plan.to, plan.dept.map(Department::code)).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(CopyTargetsBody {
        created: done.created,
        skipped: done.skipped,
    }))
}
