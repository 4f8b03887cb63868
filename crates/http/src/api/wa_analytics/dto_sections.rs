//! The shapes of the WhatsApp performance, customer load, agent, automation and business
//! sections.

use chrono::{DateTime, Utc};
use domain::wa_analytics::AgentStatus;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{PeriodBody, Spread, Trend};

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeliveryFunnel {
    pub sent: i64,
    pub delivered: i64,
    pub read: i64,
    pub failed: i64,
    pub delivery_rate: Option<f64>,
    pub read_rate: Option<f64>,
    pub failure_rate: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Broadcasts {
    pub sent: i64,
    pub delivered: i64,
    pub failed: i64,
    pub success_rate: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FailedMessageBody {
    pub provider_message_id: String,
    pub conversation_id: Option<Uuid>,
    pub customer_phone: String,
    pub campaign_name: Option<String>,
    /// The provider's error code, title and details.
    pub code: Option<i64>,
    pub title: Option<String>,
    pub details: Option<String>,
    pub sent_at: DateTime<Utc>,
    pub failed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Queue {
    pub open: i64,
    pub pending: i64,
    pub unassigned: i64,
    /// Open conversations whose customer waits for a reply, and the longest wait.
    pub awaiting_reply: i64,
    pub oldest_wait_minutes: Option<i64>,
}

/// GET dashboard/whatsapp-performance.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WhatsappPerformance {
    pub period: PeriodBody,
    /// Outbound messages sent in the period → delivered → read.
    pub funnel: DeliveryFunnel,
    pub broadcasts: Broadcasts,
    /// The latest failures (at most 50) with the provider's errors.
    pub failed_messages: Vec<FailedMessageBody>,
    /// Conversations whose customer wrote in the last 24 hours.
    pub active_sessions: i64,
    pub queue: Queue,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HeatCell {
    /// ISO weekday, 1 = Monday (Asia/Jakarta).
    pub weekday: u32,
    pub hour: u32,
    pub incoming: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HourLoad {
    pub hour: u32,
    pub incoming: i64,
}

/// GET dashboard/customer-load.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CustomerLoad {
    pub period: PeriodBody,
    /// Incoming customer messages per weekday and hour (every cell, zeros included).
    pub heatmap: Vec<HeatCell>,
    /// Incoming customer messages per hour of the day over the period.
    pub per_hour: Vec<HourLoad>,
    /// The busiest weekday and hour; absent without incoming messages.
    pub peak: Option<HeatCell>,
    pub incoming: Trend,
    /// Conversations started by numbers new to us, and by returning ones.
    pub new_customers: i64,
    pub returning_customers: i64,
    /// Seconds from the customer's first message to the first reply (bot or person).
    pub wait_seconds: Spread,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AgentRow {
    pub agent_id: Uuid,
    pub agent_name: String,
    /// Conversations started in the period that are theirs.
    pub conversations: i64,
    pub resolved: i64,
    pub resolution_rate: Option<f64>,
    /// Business minutes to their first replies.
    pub first_response: Spread,
    pub messages_sent: i64,
    /// Conversations open or pending now (workload).
    pub open_now: i64,
    pub last_message_at: Option<DateTime<Utc>>,
    pub status: AgentStatus,
}

/// GET dashboard/agent-productivity.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AgentProductivity {
    pub period: PeriodBody,
    pub agents: Vec<AgentRow>,
}

/// GET dashboard/automation-impact.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct AutomationImpact {
    pub period: PeriodBody,
    pub bot_messages: i64,
    pub agent_messages: i64,
    /// Bot replies of all replies, in percent.
    pub bot_share_pct: Option<f64>,
    /// Conversations the bot answered, closed by it alone, and taken over by a person.
    pub conversations_with_bot: i64,
    pub resolved_by_bot_alone: i64,
    pub auto_reply_success_pct: Option<f64>,
    pub escalated: i64,
    pub escalation_rate_pct: Option<f64>,
    /// Seconds to the bot's first reply.
    pub bot_response_seconds: Spread,
    /// Bot replies × the minutes a person would have spent on each.
    pub time_saved_minutes: f64,
    pub minutes_saved_per_bot_reply: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CampaignBody {
    pub name: String,
    pub sent: i64,
    pub delivered: i64,
    pub read: i64,
    pub failed: i64,
    /// Recipients who wrote back within 72 hours.
    pub replied: i64,
    /// Replied of delivered, in percent.
    pub conversion_pct: Option<f64>,
}

/// GET dashboard/business-impact.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct BusinessImpact {
    pub period: PeriodBody,
    /// WhatsApp leads created.
    pub leads_generated: Trend,
    /// Tickets closed.
    pub tickets_resolved: Trend,
    pub campaigns: Vec<CampaignBody>,
    /// Conversations of returning numbers, of those started, in percent.
    pub repeat_customer_rate: Option<f64>,
    /// The provider's charges (billable messages × the rate of their category), IDR.
    #[schema(example = "1172.66")]
    pub cost_idr: String,
    #[schema(example = "293.17")]
    pub cost_per_conversation_idr: Option<String>,
}
