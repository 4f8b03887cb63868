//! GET /tickets/sla-report: SLA attainment per period (TCK-6).

use actix_web::{get, web};
use chrono::{Days, NaiveDate};
use persistence::tickets::{self, SlaReportRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::{
    api::crm::analytics::pct,
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SlaQuery {
    /// First day of opening (default: 29 days before `to`).
    pub from: Option<NaiveDate>,
    /// Last day of opening, inclusive (default: today, Asia/Jakarta). At most 366 days.
    pub to: Option<NaiveDate>,
    /// `me` or a user id: only the tickets assigned to them.
    pub assigned_to: Option<String>,
}

/// SLA outcomes of one ticket type × priority.
#[derive(Debug, Serialize, ToSchema)]
pub struct SlaReportLine {
    pub ticket_type: String,
    pub priority: String,
    pub tickets: i64,
    pub first_response_met: i64,
    pub first_response_breached: i64,
    pub first_response_at_risk: i64,
    /// Met of those decided (met + breached), percent with one decimal.
    pub first_response_met_pct: f64,
    pub resolution_met: i64,
    pub resolution_breached: i64,
    pub resolution_at_risk: i64,
    pub resolution_met_pct: f64,
}

impl From<SlaReportRow> for SlaReportLine {
    fn from(r: SlaReportRow) -> Self {
        Self {
            first_response_met_pct: pct(
                r.first_response_met,
                r.first_response_met + r.first_response_breached,
            ),
            resolution_met_pct: pct(r.resolution_met, r.resolution_met + r.resolution_breached),
            ticket_type: r.ticket_type,
            priority: r.priority,
            tickets: r.tickets,
            first_response_met: r.first_response_met,
            first_response_breached: r.first_response_breached,
            first_response_at_risk: r.first_response_at_risk,
            resolution_met: r.resolution_met,
            resolution_breached: r.resolution_breached,
            resolution_at_risk: r.resolution_at_risk,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlaReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Per ticket type × priority; drill down with `GET /tickets?type&priority&sla&from&to`.
    pub rows: Vec<SlaReportLine>,
    /// All rows together.
    pub totals: SlaReportLine,
}

/// TCK-4 SLA report: % of first responses and resolutions within target (business hours,
/// holidays excluded, pending/on-hold paused) per type and priority, over the tickets
/// opened in the range that you may see.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(SlaQuery),
    responses(
        (status = 200, description = "The report", body = SlaReport),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid range", body = ErrorBody),
    )
)]
#[get("/tickets/sla")]
#[tracing::instrument(name = "GET /tickets/sla", skip_all)]
pub async fn sla_report(
    ctx: UserTx,
    query: web::Query<SlaQuery>,
) -> ApiResult<web::Json<SlaReport>> {
    let UserTx { mut tx, user } = ctx;
    let to = query.to.unwrap_or_else(domain::jakarta_today);
    let from = query
        .from
        .unwrap_or_else(|| to.checked_sub_days(Days::new(29)).unwrap_or(to));
    if to < from {
        return Err(ApiError::validation("to", "must not be before from"));
    }
    if (to - from).num_days() > 366 {
        return Err(ApiError::validation("to", "the range is at most 366 days"));
    }
    let assignee = assignee(query.assigned_to.as_deref(), user.id)?;
    let rows = tickets::sla_report_of(&mut tx, from, to, assignee).await?;
    persistence::commit(tx).await?;
    let totals = totals(&rows);
    Ok(web::Json(SlaReport {
        from,
        to,
        rows: rows.into_iter().map(Into::into).collect(),
        totals: totals.into(),
    }))
}

/// `assigned_to`: `me` or a user id.
fn assignee(raw: Option<&str>, me: uuid::Uuid) -> ApiResult<Option<uuid::Uuid>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some("me") => Ok(Some(me)),
        Some(id) => uuid::Uuid::parse_str(id)
            .map(Some)
            .map_err(|_| ApiError::validation("assigned_to", "must be me or a user id")),
    }
}

/// The report's totals line: every row summed, as type and priority "all".
pub(crate) fn totals(rows: &[SlaReportRow]) -> SlaReportRow {
    let mut sum = SlaReportRow {
        ticket_type: "all".to_owned(),
        priority: "all".to_owned(),
        tickets: 0,
        first_response_met: 0,
        first_response_breached: 0,
        first_response_at_risk: 0,
        resolution_met: 0,
        resolution_breached: 0,
        resolution_at_risk: 0,
    };
    for r in rows {
        sum.tickets += r.tickets;
        sum.first_response_met += r.first_response_met;
        sum.first_response_breached += r.first_response_breached;
        sum.first_response_at_risk += r.first_response_at_risk;
        sum.resolution_met += r.resolution_met;
        sum.resolution_breached += r.resolution_breached;
        sum.resolution_at_risk += r.resolution_at_risk;
    }
    sum
}
