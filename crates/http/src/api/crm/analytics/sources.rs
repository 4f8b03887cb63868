//! GET /crm/lead-sources.

use actix_web::{get, web};
use persistence::crm::analytics::{self};
use serde::Serialize;
use utoipa::ToSchema;

use super::super::require_crm;
use super::*;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct LeadSource {
    /// organic, ads, referral, event or other.
    pub source_group: String,
    pub leads: i64,
    /// Of all leads in the range, percent with one decimal.
    pub pct: f64,
}

/// Leads per source group.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(RangeQuery),
    responses(
        (status = 200, description = "Per source", body = Vec<LeadSource>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid range", body = ErrorBody),
    )
)]
#[get("/crm/lead-sources")]
#[tracing::instrument(name = "GET /crm/lead-sources", skip_all)]
pub async fn get_lead_sources(
    ctx: UserTx,
    query: web::Query<RangeQuery>,
) -> ApiResult<web::Json<Vec<LeadSource>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let range = query.range()?;
    let rows = analytics::lead_sources(&mut tx, range).await?;
    persistence::commit(tx).await?;
    let total: i64 = rows.iter().map(|r| r.leads).sum();
    Ok(web::Json(
        rows.into_iter()
            .map(|r| LeadSource {
                pct: pct(r.leads, total),
                source_group: r.source_group,
                leads: r.leads,
            })
            .collect(),
    ))
}
