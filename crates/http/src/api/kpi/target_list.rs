//! GET /kpi/targets (KPI-2).

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::kpi::assignee::Assignee;
use persistence::kpi::targets::{self, TargetFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{require_reader, AssigneeFilterQuery, Target};
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TargetQuery {
    pub metric_key: Option<String>,
    /// With `assignee_user_id` or `assignee_dept` as the kind needs.
    /// Targets of this department's metrics.
    pub dept: Option<String>,
    /// Targets whose days reach this day or later.
    pub from: Option<NaiveDate>,
    /// Targets whose days start on or before this day.
    pub to: Option<NaiveDate>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

impl TargetQuery {
    pub(crate) fn filter(&self, assignee: Option<Assignee>) -> TargetFilter {
        TargetFilter {
            metric_key: self.metric_key.clone(),
            assignee,
            dept: self.dept.clone(),
            from: self.from,
            to: self.to,
        }
    }
}

/// The targets you may read (your own, your team's, your department's and the company's;
/// a department's manager all of its metrics'), newest period first.
#[utoipa::path(
    tag = "kpi",
    security(("bearer" = [])),
    params(TargetQuery, AssigneeFilterQuery),
    responses(
        (status = 200, description = "A page of targets", body = ListBody<Target>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no KPI", body = ErrorBody),
        (status = 422, description = "Invalid filters", body = ErrorBody),
    )
)]
#[get("/kpi/targets")]
#[tracing::instrument(name = "GET /kpi/targets", skip_all)]
pub async fn list_targets(
    ctx: UserTx,
    query: web::Query<TargetQuery>,
    who: web::Query<AssigneeFilterQuery>,
) -> ApiResult<web::Json<ListBody<Target>>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let filter = query.filter(who.assignee().map_err(ApiError::Validation)?);
    let rows = targets::list(&mut tx, &filter, page).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Target::from)))
}
