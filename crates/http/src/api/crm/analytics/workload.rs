//! GET /crm/team-workload.

use actix_web::{get, web};
use persistence::crm::analytics::{self};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::super::require_crm;
use super::*;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct Workload {
    pub user_id: Uuid,
    pub full_name: String,
    pub role: String,
    pub leads_in_range: i64,
    pub open_prospects: i64,
    /// Σ expected value of open prospects, decimal string.
    pub pipeline_value: String,
    pub won_in_range: i64,
    pub activities_30d: i64,
    pub overdue_tasks: i64,
}

/// Load and results per salesperson in the caller's scope.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(RangeQuery),
    responses(
        (status = 200, description = "Per sales owner", body = Vec<Workload>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid range", body = ErrorBody),
    )
)]
#[get("/crm/team-workload")]
#[tracing::instrument(name = "GET /crm/team-workload", skip_all)]
pub async fn get_team_workload(
    ctx: UserTx,
    query: web::Query<RangeQuery>,
) -> ApiResult<web::Json<Vec<Workload>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let range = query.range()?;
    let rows = analytics::team_workload(&mut tx, range).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| Workload {
                user_id: r.user_id,
                full_name: r.full_name,
                role: r.role,
                leads_in_range: r.leads_in_range,
                open_prospects: r.open_prospects,
                pipeline_value: r.pipeline_value,
                won_in_range: r.won_in_range,
                activities_30d: r.activities_30d,
                overdue_tasks: r.overdue_tasks,
            })
            .collect(),
    ))
}
