//! The shapes of the WhatsApp operations.

use chrono::{DateTime, Utc};
use domain::whatsapp::{
    ConversationStatus, MessageDirection, MessageStatus, ResolvedBy, SenderKind,
};
use persistence::whatsapp::{ConversationRow, Ingested, MessageRow};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The webhook's answer: stored (and processed) or already stored before.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookReceived {
    pub received: bool,
    /// The very same body was received before; nothing was stored again.
    pub duplicate: bool,
    /// Messages stored from this body (replayed ones are not counted).
    pub messages: i64,
    /// Statuses stored from this body (one per message and status).
    pub statuses: i64,
    /// Processing failed; the body is kept and the worker retries it.
    pub deferred: bool,
}

impl From<&Ingested> for WebhookReceived {
    fn from(i: &Ingested) -> Self {
        Self {
            received: true,
            duplicate: i.duplicate,
            messages: i.messages,
            statuses: i.statuses,
            deferred: i.deferred,
        }
    }
}

/// The outbound batch's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboundReceived {
    /// Messages stored now.
    pub stored: i64,
    /// Messages stored before (same provider message id).
    pub duplicates: i64,
    /// Processing failed; the batch is kept and the worker retries it.
    pub deferred: bool,
}

/// A conversation: one cycle of a customer's number with a business number.
#[derive(Debug, Serialize, ToSchema)]
pub struct Conversation {
    pub id: Uuid,
    #[schema(example = "CONV-2026-000042")]
    pub conversation_code: String,
    /// The business number's Cloud API id and display number.
    pub business_phone_id: String,
    pub business_phone: Option<String>,
    #[schema(example = "+6281234567001")]
    pub customer_phone: String,
    /// The WhatsApp profile name.
    pub contact_name: Option<String>,
    pub customer_id: Option<Uuid>,
    pub customer_name: Option<String>,
    pub lead_id: Option<Uuid>,
    pub lead_code: Option<String>,
    pub ticket_id: Option<Uuid>,
    pub ticket_code: Option<String>,
    pub assigned_to_user_id: Option<Uuid>,
    pub assigned_to_name: Option<String>,
    pub status: ConversationStatus,
    pub opened_at: DateTime<Utc>,
    pub last_message_at: DateTime<Utc>,
    pub last_inbound_at: Option<DateTime<Utc>>,
    pub first_agent_reply_at: Option<DateTime<Utc>>,
    pub first_bot_reply_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolved_by: Option<ResolvedBy>,
    pub message_count: i64,
    /// The text of the latest message, if it has one.
    pub last_message: Option<String>,
}

impl From<ConversationRow> for Conversation {
    fn from(r: ConversationRow) -> Self {
        Self {
            id: r.id,
            conversation_code: r.conversation_code,
            business_phone_id: r.business_phone_id,
            business_phone: r.business_phone,
            customer_phone: r.customer_phone,
            contact_name: r.contact_name,
            customer_id: r.customer_id,
            customer_name: r.customer_name,
            lead_id: r.lead_id,
            lead_code: r.lead_code,
            ticket_id: r.ticket_id,
            ticket_code: r.ticket_code,
            assigned_to_user_id: r.assigned_to_user_id,
            assigned_to_name: r.assigned_to_name,
            status: r.status.into_inner(),
            opened_at: r.opened_at,
            last_message_at: r.last_message_at,
            last_inbound_at: r.last_inbound_at,
            first_agent_reply_at: r.first_agent_reply_at,
            first_bot_reply_at: r.first_bot_reply_at,
            resolved_at: r.resolved_at,
            resolved_by: r.resolved_by.map(|b| b.into_inner()),
            message_count: r.message_count,
            last_message: r.last_message,
        }
    }
}

/// A message of a conversation.
#[derive(Debug, Serialize, ToSchema)]
pub struct Message {
    pub id: Uuid,
    #[schema(example = "wamid.HBgNNjI4MTIzNDU2NzAwMRUCABIYFjNFQjBGQ0Q3M0YwMDAwMDAwMDAwMDEA")]
    pub provider_message_id: String,
    pub direction: MessageDirection,
    pub sender_kind: SenderKind,
    pub agent_user_id: Option<Uuid>,
    pub agent_name: Option<String>,
    /// The Cloud API type as sent: text, image, audio, video, document, sticker,
    /// location, contacts, interactive, button, reaction, template, unsupported …
    #[schema(example = "text")]
    pub message_type: String,
    /// The text, caption or chosen reply.
    pub body: Option<String>,
    /// The type's own object as the provider sent it (media id, mime type, coordinates …).
    #[schema(value_type = Object)]
    pub content: serde_json::Value,
    pub campaign_name: Option<String>,
    /// The furthest status (outbound), `received` for inbound messages.
    pub status: MessageStatus,
    pub sent_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub read_at: Option<DateTime<Utc>>,
    pub failed_at: Option<DateTime<Utc>>,
    /// The provider's `errors` of a failed message, verbatim (code, title, details).
    #[schema(value_type = Option<Vec<Object>>)]
    pub errors: Option<serde_json::Value>,
}

impl From<MessageRow> for Message {
    fn from(r: MessageRow) -> Self {
        Self {
            id: r.id,
            provider_message_id: r.provider_message_id,
            direction: r.direction.into_inner(),
            sender_kind: r.sender_kind.into_inner(),
            agent_user_id: r.agent_user_id,
            agent_name: r.agent_name,
            message_type: r.message_type,
            body: r.body,
            content: r.content,
            campaign_name: r.campaign_name,
            status: r.status.into_inner(),
            sent_at: r.sent_at,
            delivered_at: r.delivered_at,
            read_at: r.read_at,
            failed_at: r.failed_at,
            errors: r.errors,
        }
    }
}

/// A conversation with its messages in the order they were sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationDetail {
    #[serde(flatten)]
    pub conversation: Conversation,
    pub messages: Vec<Message>,
}
