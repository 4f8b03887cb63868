//! GET /broadcast-logs/summary: today's counts, success rate per day, top errors (BRD-2).

use actix_web::{get, web};
use chrono::NaiveDate;
use persistence::broadcasts::{self, DayRow, ErrorCount};
use serde::Serialize;
use utoipa::ToSchema;

use super::*;
use crate::{
    api::crm::analytics::pct,
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// Days the summary covers.
const SUMMARY_DAYS: i32 = 14;
#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastDay {
    pub day: NaiveDate,
    pub total: i64,
    pub success: i64,
    pub failed: i64,
    pub pending: i64,
    /// Successful of those sent (success + failed), percent with one decimal.
    pub success_rate: f64,
}

impl From<DayRow> for BroadcastDay {
    fn from(d: DayRow) -> Self {
        Self {
            success_rate: pct(d.success, d.success + d.failed),
            day: d.day,
            total: d.total,
            success: d.success,
            failed: d.failed,
            pending: d.pending,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastError {
    pub error_message: String,
    pub count: i64,
}

impl From<ErrorCount> for BroadcastError {
    fn from(e: ErrorCount) -> Self {
        Self {
            error_message: e.error_message,
            count: e.count,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastSummary {
    /// Today in Asia/Jakarta.
    pub today: NaiveDate,
    pub sent_today: i64,
    pub failed_today: i64,
    pub pending_today: i64,
    /// The last 14 days, oldest first, days without broadcasts included.
    pub days: Vec<BroadcastDay>,
    /// The most frequent error messages of those 14 days.
    pub top_errors: Vec<BroadcastError>,
}

/// BRD-2 summary: sent, failed and pending today, success rate per day, top errors.
#[utoipa::path(
    tag = "broadcast",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The summary", body = BroadcastSummary),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not a CS, admin or director role", body = ErrorBody),
    )
)]
#[get("/broadcast-logs/summary")]
#[tracing::instrument(name = "GET /broadcast-logs/summary", skip_all)]
pub async fn broadcast_summary(ctx: UserTx) -> ApiResult<web::Json<BroadcastSummary>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(user.role)?;
    let summary = broadcasts::summary(&mut tx, domain::jakarta_today(), SUMMARY_DAYS).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(BroadcastSummary {
        today: summary.today,
        sent_today: summary.sent_today,
        failed_today: summary.failed_today,
        pending_today: summary.pending_today,
        days: summary.days.into_iter().map(Into::into).collect(),
        top_errors: summary.top_errors.into_iter().map(Into::into).collect(),
    }))
}
