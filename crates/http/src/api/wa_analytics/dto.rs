//! The shapes of the CRM Effectiveness dashboards (seed 002's sections).

use chrono::NaiveDate;
use domain::wa_analytics::{change_percent, Distribution, SlaStatus};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The period of the figures and the one before it (Asia/Jakarta days, both included).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PeriodBody {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub previous_from: NaiveDate,
    pub previous_to: NaiveDate,
}

/// A figure of the period beside the same figure of the previous period.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Trend {
    pub value: f64,
    pub previous: f64,
    /// The change in percent (one decimal); absent when the previous figure is 0.
    pub change_pct: Option<f64>,
}

impl Trend {
    pub fn new(value: f64, previous: f64) -> Self {
        Self {
            value,
            previous,
            change_pct: change_percent(value, previous),
        }
    }

    pub fn counts(value: i64, previous: i64) -> Self {
        Self::new(value as f64, previous as f64)
    }
}

/// Median, 90th percentile and average of a set of durations.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Spread {
    /// How many values.
    pub n: i64,
    pub median: Option<f64>,
    pub p90: Option<f64>,
    pub avg: Option<f64>,
}

impl From<Distribution> for Spread {
    fn from(d: Distribution) -> Self {
        Self {
            n: d.n,
            median: d.median,
            p90: d.p90,
            avg: d.avg,
        }
    }
}

/// Response time of people: business minutes (SLA calendar) from the customer's first
/// message to the first reply of a person, and from the assignment to it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ResponseTime {
    /// The median from the customer's message, beside the previous period's.
    pub median_minutes: Trend,
    pub from_customer: Spread,
    pub from_assignment: Spread,
    pub sla: SlaCompliance,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SlaCompliance {
    /// First replies within the target, in percent.
    pub compliance_pct: Option<f64>,
    pub met: i64,
    pub total: i64,
    pub target_minutes: i32,
    pub status: SlaStatus,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct TicketsByPriority {
    pub total: i64,
    pub urgent: i64,
    pub high: i64,
    pub medium: i64,
    pub low: i64,
    /// Tickets opened in the period, beside the previous period.
    pub opened: Trend,
}

/// GET dashboard/kpi: the KPI strip.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct KpiStrip {
    pub period: PeriodBody,
    /// Conversations started in the period.
    pub conversations: Trend,
    /// Conversations open or pending now.
    pub active_conversations: i64,
    pub response_time: ResponseTime,
    /// Outbound messages delivered or read, of those sent, in percent.
    pub delivery_rate: Trend,
    /// Tickets not closed, by priority.
    pub open_tickets: TicketsByPriority,
    /// Messages either way today, beside yesterday.
    pub messages_today: Trend,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AgentConversations {
    pub agent_id: Option<Uuid>,
    pub agent_name: Option<String>,
    pub conversations: i64,
    pub resolved: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DayResponse {
    pub day: NaiveDate,
    /// First replies of people that day.
    pub n: i64,
    pub median_minutes: Option<f64>,
    pub p90_minutes: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StatusSplit {
    pub open: i64,
    pub pending: i64,
    pub resolved: i64,
}

/// GET dashboard/conversation-effectiveness.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ConversationEffectiveness {
    pub period: PeriodBody,
    /// Conversations started and resolved per agent (no agent: the queue and the bot).
    pub per_agent: Vec<AgentConversations>,
    /// Per day of the period, oldest first (days without replies included).
    pub response_time_trend: Vec<DayResponse>,
    pub sla: SlaCompliance,
    /// The conversations started in the period by their status now.
    pub resolved_vs_open: StatusSplit,
}
