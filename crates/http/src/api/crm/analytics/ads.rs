//! GET /crm/ads-performance (marketing spend readers).

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
pub struct AdsPlatform {
    /// tiktok, instagram, meta or google.
    pub platform: String,
    /// IDR, decimal string.
    pub spend: String,
    pub impressions: i64,
    pub clicks: i64,
    /// Leads from the channels of this platform.
    pub leads: i64,
    /// Cost per lead, decimal string; `null` without leads.
    pub cpl: Option<String>,
}

/// Ads performance per platform: spend, leads and cost per lead.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(RangeQuery),
    responses(
        (status = 200, description = "Per platform", body = Vec<AdsPlatform>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid range", body = ErrorBody),
    )
)]
#[get("/crm/ads-performance")]
#[tracing::instrument(name = "GET /crm/ads-performance", skip_all)]
pub async fn get_ads_performance(
    ctx: UserTx,
    query: web::Query<RangeQuery>,
) -> ApiResult<web::Json<Vec<AdsPlatform>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let range = query.range()?;
    // Roles without marketing data see their leads with no spend.
    let rows = if can_read_spend(user.role) {
        analytics::ads_performance(&mut tx, range).await?
    } else {
        analytics::ads_performance_without_spend(&mut tx, range).await?
    };
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| AdsPlatform {
                platform: r.platform,
                spend: r.spend,
                impressions: r.impressions,
                clicks: r.clicks,
                leads: r.leads,
                cpl: r.cpl,
            })
            .collect(),
    ))
}

/// The roles with privileges on `marketing_spend`.
pub fn can_read_spend(role: domain::Role) -> bool {
    use domain::Role::*;
    matches!(
        role,
        SuperAdmin | Director | MarketingManager | MarketingStaff
    )
}
