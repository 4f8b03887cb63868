//! GET /crm/conversion-by-channel.

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
pub struct ChannelConversion {
    pub channel: String,
    pub channel_name: String,
    /// organic, ads, referral, event or other.
    pub source_group: String,
    pub leads: i64,
    pub won: i64,
    /// won / leads in percent, one decimal.
    pub conversion_pct: f64,
}

/// Conversion (won / leads) per channel, most leads first.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(RangeQuery),
    responses(
        (status = 200, description = "Per channel", body = Vec<ChannelConversion>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid range", body = ErrorBody),
    )
)]
#[get("/crm/conversion-by-channel")]
#[tracing::instrument(name = "GET /crm/conversion-by-channel", skip_all)]
pub async fn get_conversion_by_channel(
    ctx: UserTx,
    query: web::Query<RangeQuery>,
) -> ApiResult<web::Json<Vec<ChannelConversion>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let range = query.range()?;
    let rows = analytics::conversion_by_channel(&mut tx, range).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| ChannelConversion {
                conversion_pct: pct(r.won, r.leads),
                channel: r.channel,
                channel_name: r.channel_name,
                source_group: r.source_group,
                leads: r.leads,
                won: r.won,
            })
            .collect(),
    ))
}
