//! The ticket's response shapes, shared by its operations.

use chrono::{DateTime, Utc};
use domain::{
    tickets::{InquiryOutcome, TicketPriority, TicketSource, TicketStatus, TicketType},
    Department,
};
use persistence::tickets::{AttachmentRow, BroadcastRow, MessageRow, SlaEventRow, TicketRow};
use persistence::Stored;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

/// SLA states a drill-down may ask for.
pub(super) const SLA_STATES: [&str; 3] = ["met", "breached", "at_risk"];

/// How many broadcasts of the AWB a ticket shows.
pub(super) const BROADCAST_HISTORY: i64 = 50;

#[derive(Debug, Serialize, ToSchema)]
pub struct Ticket {
    pub id: Uuid,
    #[schema(example = "TKT-2026-000123")]
    pub ticket_code: String,
    pub ticket_type: TicketType,
    pub priority: TicketPriority,
    pub status: TicketStatus,
    pub dept_target: Department,
    /// For Operations redacted of the customer's identifiers and of any phone number or
    /// e-mail address (also `description`, `rfq`, `close_reason` and comments; TCK-5).
    pub subject: String,
    pub description: String,
    /// The shipment's AWB.
    pub tracking_number: Option<String>,
    /// Absent for Operations (TCK-5).
    pub company_name: Option<String>,
    pub contact_name: Option<String>,
    pub customer_phone: Option<String>,
    pub customer_email: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub rfq: Option<serde_json::Value>,
    pub need_customer_masking: bool,
    /// Absent when none, and always for Operations (TCK-5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_lead_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_customer_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_prospect_id: Option<Uuid>,
    pub assigned_to_user_id: Option<Uuid>,
    pub assigned_to_name: Option<String>,
    pub source: TicketSource,
    pub inquiry_outcome: Option<InquiryOutcome>,
    pub close_reason: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TicketRow> for Ticket {
    fn from(r: TicketRow) -> Self {
        Self {
            id: r.id,
            ticket_code: r.ticket_code,
            ticket_type: r.ticket_type.0,
            priority: r.priority.0,
            status: r.status.0,
            dept_target: r.dept_target.0,
            subject: r.subject,
            description: r.description,
            tracking_number: r.tracking_number,
            company_name: r.company_name,
            contact_name: r.contact_name,
            customer_phone: r.customer_phone,
            customer_email: r.customer_email,
            rfq: r.rfq,
            need_customer_masking: r.need_customer_masking,
            related_lead_id: r.related_lead_id,
            related_customer_id: r.related_customer_id,
            related_prospect_id: r.related_prospect_id,
            assigned_to_user_id: r.assigned_to_user_id,
            assigned_to_name: r.assigned_to_name,
            source: r.source.0,
            inquiry_outcome: r.inquiry_outcome.map(Stored::into_inner),
            close_reason: r.close_reason,
            closed_at: r.closed_at,
            created_by: r.created_by,
            created_by_name: r.created_by_name,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TicketComment {
    pub id: Uuid,
    pub author_user_id: Option<Uuid>,
    pub author_name: Option<String>,
    pub comment_text: String,
    /// `true`: a note for colleagues; `false`: a reply to the customer.
    pub is_internal_note: bool,
    pub created_at: DateTime<Utc>,
}

impl From<MessageRow> for TicketComment {
    fn from(m: MessageRow) -> Self {
        Self {
            id: m.id,
            author_user_id: m.author_user_id,
            author_name: m.author_name,
            comment_text: m.comment_text,
            is_internal_note: m.is_internal_note,
            created_at: m.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlaEvent {
    /// OPENED, FIRST_RESPONSE, STATUS_CHANGE, ASSIGNED, PRIORITY_CHANGE, RESOLVED, REOPENED.
    pub event_type: domain::tickets::SlaEventType,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub actor_user_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub occurred_at: DateTime<Utc>,
}

impl From<SlaEventRow> for SlaEvent {
    fn from(e: SlaEventRow) -> Self {
        Self {
            event_type: e.event_type.0,
            from_value: e.from_value,
            to_value: e.to_value,
            actor_user_id: e.actor_user_id,
            actor_name: e.actor_name,
            occurred_at: e.occurred_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastLog {
    pub id: Uuid,
    pub tracking_number: String,
    pub consignee_phone: Option<String>,
    pub status: domain::tickets::BroadcastStatus,
    pub message_content: Option<String>,
    pub error_message: Option<String>,
    pub broadcast_at: DateTime<Utc>,
}

impl From<BroadcastRow> for BroadcastLog {
    fn from(b: BroadcastRow) -> Self {
        Self {
            id: b.id,
            tracking_number: b.tracking_number,
            consignee_phone: b.consignee_phone,
            status: b.status.0,
            message_content: b.message_content,
            error_message: b.error_message,
            broadcast_at: b.broadcast_at,
        }
    }
}

/// A ticket with everything its page shows.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketDetail {
    #[serde(flatten)]
    pub ticket: Ticket,
    /// Oldest first; internal notes included (they are never sent to the customer).
    pub comments: Vec<TicketComment>,
    pub sla_events: Vec<SlaEvent>,
    /// Files attached to the ticket, oldest first (download: `GET /files/{file_id}`).
    pub attachments: Vec<TicketAttachment>,
    /// The latest broadcasts of the ticket's AWB, newest first (CS, admins, director).
    pub broadcast_history: Vec<BroadcastLog>,
}

/// Comma-separated values of a filter, each one of `allowed` (422 otherwise).
pub(crate) fn choice_list(
    field: &str,
    raw: Option<&str>,
    allowed: &[&str],
) -> ApiResult<Vec<String>> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    raw.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lower = p.to_lowercase();
            if allowed.contains(&lower.as_str()) {
                Ok(lower)
            } else {
                Err(ApiError::validation(
                    field,
                    format!("must be one of {}", allowed.join(", ")),
                ))
            }
        })
        .collect()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TicketAttachment {
    pub id: Uuid,
    /// Download with `GET /files/{file_id}`.
    pub file_id: Uuid,
    pub original_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<AttachmentRow> for TicketAttachment {
    fn from(a: AttachmentRow) -> Self {
        Self {
            id: a.id,
            file_id: a.file_id,
            original_name: a.original_name,
            content_type: a.content_type,
            size_bytes: a.size_bytes,
            uploaded_by: a.uploaded_by,
            uploaded_by_name: a.uploaded_by_name,
            created_at: a.created_at,
        }
    }
}
