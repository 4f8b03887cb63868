//! GET /crm/funnel.

use actix_web::{get, web};
use chrono::NaiveDate;
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
pub struct FunnelStep {
    /// lead, contacted, qualified, won.
    pub step: String,
    pub count: i64,
    /// Of the leads, in percent with one decimal.
    pub pct_of_leads: f64,
    /// Of the previous step, in percent with one decimal.
    pub pct_of_previous: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Funnel {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub steps: Vec<FunnelStep>,
}

/// The funnel lead → contacted → qualified → won over the leads created in the range.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(RangeQuery),
    responses(
        (status = 200, description = "The funnel", body = Funnel),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid range", body = ErrorBody),
    )
)]
#[get("/crm/funnel")]
#[tracing::instrument(name = "GET /crm/funnel", skip_all)]
pub async fn get_funnel(
    ctx: UserTx,
    query: web::Query<RangeQuery>,
) -> ApiResult<web::Json<Funnel>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let range = query.range()?;
    let counts = analytics::funnel(&mut tx, range).await?;
    persistence::commit(tx).await?;
    let raw = [
        ("lead", counts.leads),
        ("contacted", counts.contacted),
        ("qualified", counts.qualified),
        ("won", counts.won),
    ];
    let mut previous = counts.leads;
    let steps = raw
        .into_iter()
        .map(|(step, count)| {
            let out = FunnelStep {
                step: step.to_owned(),
                count,
                pct_of_leads: pct(count, counts.leads),
                pct_of_previous: pct(count, previous),
            };
            previous = count;
            out
        })
        .collect();
    Ok(web::Json(Funnel {
        from: range.from,
        to: range.to,
        steps,
    }))
}
