//! GET /crm/leads-by-channel-month: the 6-month trend.

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
pub struct ChannelMonth {
    #[schema(example = "2026-11")]
    pub month: String,
    pub channel: String,
    pub leads: i64,
}

/// Leads per channel per month (the 6-month trend), zero-filled.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(RangeQuery),
    responses(
        (status = 200, description = "Month × channel", body = Vec<ChannelMonth>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid range", body = ErrorBody),
    )
)]
#[get("/crm/leads-by-channel-month")]
#[tracing::instrument(name = "GET /crm/leads-by-channel-month", skip_all)]
pub async fn get_leads_by_channel_month(
    ctx: UserTx,
    query: web::Query<RangeQuery>,
) -> ApiResult<web::Json<Vec<ChannelMonth>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let range = query.range()?;
    let rows = analytics::leads_by_channel_month(&mut tx, range).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| ChannelMonth {
                month: r.month,
                channel: r.channel,
                leads: r.leads,
            })
            .collect(),
    ))
}
