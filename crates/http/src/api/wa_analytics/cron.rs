//! GET|POST /cron/aggregate-metrics: the snapshot runs for an external scheduler (WA-2,
//! seed 002's cron contract).

use actix_web::{get, post, web, HttpRequest};
use chrono::{DateTime, Utc};
use domain::{wa_analytics::AggregationType, ClosedSet};
use persistence::{Identity, RequestContext};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::request_id,
    AppState,
};

/// Hours of the last 35 days still missing that one hourly run fills in.
const BACKFILL: i32 = 200;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AggregateQuery {
    /// hourly, daily or weekly.
    #[serde(rename = "type")]
    #[param(rename = "type", value_type = AggregationType)]
    pub kind: Option<String>,
}

/// Seed 002's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct AggregateDone {
    pub success: bool,
    #[serde(rename = "type")]
    #[schema(value_type = AggregationType)]
    pub kind: String,
    pub timestamp: DateTime<Utc>,
    #[schema(example = "hourly metrics aggregation completed successfully")]
    pub message: String,
    /// Buckets stored, and stored hours whose figures changed when stored again.
    pub buckets: i64,
    pub changed: i64,
}

async fn run(
    req: &HttpRequest,
    query: &AggregateQuery,
    state: &AppState,
) -> ApiResult<AggregateDone> {
    let presented = req
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let expected = state.settings.cron_secret.as_deref();
    if !matches!((presented, expected), (Some(p), Some(e)) if crate::credentials::same_secret(p.trim(), e))
    {
        return Err(ApiError::Unauthorized);
    }
    let kind = query
        .kind
        .as_deref()
        .and_then(AggregationType::from_text)
        .ok_or_else(|| {
            ApiError::BadRequest(format!(
                "type must be one of: {}",
                AggregationType::choices()
            ))
        })?;
    let ctx = RequestContext::new(Identity::Worker, request_id(req));
    let (mut tx, _) = state.db.begin(&ctx).await?;
    let now = Utc::now();
    let done = persistence::wa_analytics::aggregate(&mut tx, kind, now, BACKFILL).await?;
    persistence::commit(tx).await?;
    Ok(AggregateDone {
        success: true,
        kind: kind.as_str().to_owned(),
        timestamp: now,
        message: format!(
            "{} metrics aggregation completed successfully",
            kind.as_str()
        ),
        buckets: done.buckets,
        changed: done.changed,
    })
}

/// Stores the CRM Effectiveness snapshots now: `hourly` the last complete hour (and
/// missing hours of the last 35 days), `daily` yesterday and the hours of the last 8 days
/// again (reconciled with the raw events), `weekly` the last complete week. Re-running a
/// period replaces it. `Authorization: Bearer $CRON_SECRET`.
#[utoipa::path(
    tag = "whatsapp",
    params(AggregateQuery, ("Authorization" = String, Header, description = "`Bearer <CRON_SECRET>`")),
    responses(
        (status = 200, description = "Done", body = AggregateDone),
        (status = 400, description = "Unknown type", body = ErrorBody),
        (status = 401, description = "Wrong or missing secret", body = ErrorBody),
    )
)]
#[get("/cron/aggregate-metrics")]
#[tracing::instrument(name = "GET /cron/aggregate-metrics", skip_all)]
pub async fn aggregate_metrics_get(
    req: HttpRequest,
    query: web::Query<AggregateQuery>,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<AggregateDone>> {
    Ok(web::Json(run(&req, &query, &state).await?))
}

/// The same as the GET, for schedulers that POST.
#[utoipa::path(
    tag = "whatsapp",
    params(AggregateQuery, ("Authorization" = String, Header, description = "`Bearer <CRON_SECRET>`")),
    responses(
        (status = 200, description = "Done", body = AggregateDone),
        (status = 400, description = "Unknown type", body = ErrorBody),
        (status = 401, description = "Wrong or missing secret", body = ErrorBody),
    )
)]
#[post("/cron/aggregate-metrics")]
#[tracing::instrument(name = "POST /cron/aggregate-metrics", skip_all)]
pub async fn aggregate_metrics_post(
    req: HttpRequest,
    query: web::Query<AggregateQuery>,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<AggregateDone>> {
    Ok(web::Json(run(&req, &query, &state).await?))
}
