//! CRM-7 analytics: funnel, conversion per channel, leads per channel and month, lead
//! sources, ads performance and team workload, each in the caller's own scope.

use actix_web::{get, web};
use chrono::{Datelike, Months, NaiveDate};
use persistence::crm::analytics::{self, Range};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::require_crm;
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeQuery {
    /// First day (default: the first of the month five months ago — six months in all).
    pub from: Option<NaiveDate>,
    /// Last day, inclusive (default: today, Asia/Jakarta). At most 24 months after `from`.
    pub to: Option<NaiveDate>,
}

impl RangeQuery {
    fn range(&self) -> ApiResult<Range> {
        let today = domain::jakarta_today();
        let to = self.to.unwrap_or(today);
        let from = self.from.unwrap_or_else(|| {
            to.with_day(1)
                .and_then(|d| d.checked_sub_months(Months::new(5)))
                .unwrap_or(to)
        });
        if to < from {
            return Err(ApiError::validation("to", "must not be before from"));
        }
        if from
            .checked_add_months(Months::new(24))
            .is_some_and(|limit| to >= limit)
        {
            return Err(ApiError::validation("to", "the range is at most 24 months"));
        }
        Ok(Range { from, to })
    }
}

/// Percent with one decimal; 0 when there is nothing to divide by.
pub(crate) fn pct(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        // Counts stay far below 2^52, so the conversion is exact.
        #[allow(clippy::cast_precision_loss)]
        let ratio = part as f64 * 100.0 / whole as f64;
        (ratio * 10.0).round() / 10.0
    }
}

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

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_funnel)
        .service(get_conversion_by_channel)
        .service(get_leads_by_channel_month)
        .service(get_lead_sources)
        .service(get_ads_performance)
        .service(get_team_workload);
}
