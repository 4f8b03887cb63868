//! The scorecard and trend bodies (SPEC §4.12). Values are decimal strings.

use chrono::NaiveDate;
use domain::{
    kpi::{
        assignee::Assignee, period::Period, AssigneeKind, KpiAggregation, KpiDirection, KpiSource,
        KpiStatus, KpiUnit, Provenance,
    },
    money::cents_text,
};
use persistence::kpi::scorecard::{Point, Row};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Metric;

/// Whose scorecard it is.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssigneeBody {
    pub kind: AssigneeKind,
    pub user_id: Option<Uuid>,
    pub name: Option<String>,
    pub dept: Option<String>,
}

impl AssigneeBody {
    pub fn new(a: Assignee, name: Option<String>, dept: Option<String>) -> Self {
        Self {
            kind: a.kind(),
            user_id: a.user_id(),
            name,
            dept,
        }
    }
}

/// One bucket of a broken-down actual (leads by channel).
#[derive(Debug, Serialize, ToSchema)]
pub struct BreakdownItem {
    pub key: String,
    pub value: String,
}

/// A month of a trend.
#[derive(Debug, Serialize, ToSchema)]
pub struct TrendPoint {
    /// `2026-11`.
    pub period: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub target: Option<String>,
    /// `null` where no data source exists (NA) — never 0.
    pub actual: Option<String>,
    pub achievement_pct: Option<String>,
    pub status: KpiStatus,
}

impl From<&Point> for TrendPoint {
    fn from(p: &Point) -> Self {
        Self {
            period: p.period.label(),
            period_start: p.period.start,
            period_end: p.period.end,
            target: p.target.map(cents_text),
            actual: p.actual.value.map(cents_text),
            achievement_pct: p.score.achievement.map(cents_text),
            status: p.score.status,
        }
    }
}

/// Where the rows behind an AUTO actual are listed: the SPA opens `resource` with these
/// filters (the days of the period and, for one user, their id).
#[derive(Debug, Serialize, ToSchema)]
pub struct Drilldown {
    pub resource: DrilldownResource,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub user_id: Option<Uuid>,
}

domain::closed_set!(
    /// The lists an AUTO actual drills down to.
    pub enum DrilldownResource {
        Leads => "leads",
        Customers => "customers",
        Activities => "activities",
        Prospects => "prospects",
        MarketingSpend => "marketing_spend",
        MarketingEvents => "marketing_events",
        Invoices => "invoices",
        Payments => "payments",
        ArOutstanding => "ar_outstanding",
        Tickets => "tickets",
    }
);

/// A scorecard row (SPEC §4.12).
#[derive(Debug, Serialize, ToSchema)]
pub struct ScoreRow {
    pub metric_key: String,
    pub name: String,
    pub name_en: String,
    pub dept: String,
    pub unit: KpiUnit,
    pub direction: KpiDirection,
    pub source: KpiSource,
    pub aggregation: KpiAggregation,
    pub target: Option<String>,
    /// `null` with status `na` where no data source exists — never 0.
    pub actual: Option<String>,
    /// Achievement in percent (`"90.00"`); lower-is-better metrics: target ÷ actual.
    pub achievement_pct: Option<String>,
    pub status: KpiStatus,
    pub provenance: Provenance,
    pub drilldown: Option<Drilldown>,
    pub breakdown: Vec<BreakdownItem>,
    pub trend: Vec<TrendPoint>,
    /// The revision of the close the figures above come from, when the period is closed
    /// for this metric's department (KPI-5); target, actual, achievement and status are
    /// then the frozen ones.
    pub closed_revision: Option<i32>,
    /// The figure computed now, when the period is closed.
    pub live_actual: Option<String>,
    /// live − frozen actual: how far the sources moved since the close (`"0.00"` when
    /// they did not).
    pub drift_since_close: Option<String>,
}

/// `GET kpi/scorecard`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScorecardBody {
    /// `2026-11`, `2026-Q4` or `2026`.
    pub period: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// Days of the period elapsed today (all of them for a past period).
    pub elapsed_days: i64,
    pub days: i64,
    pub assignee: AssigneeBody,
    pub rows: Vec<ScoreRow>,
}

/// `GET kpi/trend`.
#[derive(Debug, Serialize, ToSchema)]
pub struct TrendBody {
    pub metric: Metric,
    pub assignee: AssigneeBody,
    pub points: Vec<TrendPoint>,
}

/// The drill-down of an AUTO metric, if it has rows to show.
pub fn drilldown(metric_key: &str, period: &Period, assignee: Assignee) -> Option<Drilldown> {
    use DrilldownResource::*;
    let resource = match metric_key {
        "leads_total" | "leads_by_channel" | "lead_conversion_rate" | "cost_per_lead" => Leads,
        "marketing_spend" => MarketingSpend,
        "marketing_events" => MarketingEvents,
        "new_customers" => Customers,
        "sales_activities" | "visits" => Activities,
        "pipeline_value" | "weighted_forecast" | "deals_won" | "win_rate" => Prospects,
        "revenue_invoiced" => Invoices,
        "payments_collected" | "collection_rate" => Payments,
        "dso_rolling_30" | "ar_overdue_amount" => ArOutstanding,
        "ticket_first_response_median" | "sla_compliance" | "tickets_resolved" => Tickets,
        _ => return None,
    };
    Some(Drilldown {
        resource,
        from: period.start,
        to: period.end,
        user_id: match assignee {
            Assignee::User(id) => Some(id),
            _ => None,
        },
    })
}

impl ScoreRow {
    pub fn new(row: &Row, period: &Period, assignee: Assignee) -> Self {
        let m = &row.metric;
        let p = &row.current;
        let auto = m.source.0 == KpiSource::Auto;
        let mut out = Self {
            metric_key: m.metric_key.clone(),
            name: m.name_id.clone(),
            name_en: m.name_en.clone(),
            dept: m.dept.clone(),
            unit: m.unit.0,
            direction: m.direction.0,
            source: m.source.0,
            aggregation: m.aggregation.0,
            target: p.target.map(cents_text),
            actual: p.actual.value.map(cents_text),
            achievement_pct: p.score.achievement.map(cents_text),
            status: p.score.status,
            provenance: m.source.0.provenance(),
            drilldown: if auto && p.actual.value.is_some() {
                drilldown(&m.metric_key, period, assignee)
            } else {
                None
            },
            breakdown: p
                .actual
                .breakdown
                .iter()
                .map(|(key, value)| BreakdownItem {
                    key: key.clone(),
                    value: cents_text(*value),
                })
                .collect(),
            trend: row.trend.iter().map(TrendPoint::from).collect(),
            closed_revision: None,
            live_actual: None,
            drift_since_close: None,
        };
        if let Some(f) = &row.frozen {
            out.closed_revision = Some(f.revision);
            out.live_actual = out.actual.take();
            out.drift_since_close = match (p.actual.value, f.actual) {
                (Some(live), Some(then)) => Some(cents_text(live - then)),
                _ => None,
            };
            out.target = f.target.map(cents_text);
            out.actual = f.actual.map(cents_text);
            out.achievement_pct = f.achievement.map(cents_text);
            out.status = domain::ClosedSet::from_text(&f.status).unwrap_or(KpiStatus::Na);
        }
        out
    }
}
