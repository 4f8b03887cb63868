//! WhatsApp intake and conversations (SPEC §4.5, WA-1..4): the closed sets, who reads and
//! works conversations, the shape a Cloud API webhook body must have, and the outbound
//! messages n8n forwards.

mod outbound;
mod signature;

pub use outbound::*;
pub use signature::*;

use crate::{closed_set, Role};

closed_set!(
    /// Where a conversation stands: a message after it was resolved starts a new one.
    pub enum ConversationStatus {
        Open => "open",
        Pending => "pending",
        Resolved => "resolved",
    }
);

closed_set!(
    pub enum MessageDirection {
        Inbound => "inbound",
        Outbound => "outbound",
    }
);

closed_set!(
    /// Who wrote a message: the customer (inbound), a CS agent or the bot (outbound).
    pub enum SenderKind {
        Customer => "customer",
        Agent => "agent",
        Bot => "bot",
    }
);

closed_set!(
    /// A message's furthest status (WA-4 precedence: received and queued first, then
    /// sent, failed, delivered, read).
    pub enum MessageStatus {
        Received => "received",
        Queued => "queued",
        Sent => "sent",
        Failed => "failed",
        Delivered => "delivered",
        Read => "read",
    }
);

closed_set!(
    /// How a conversation ended: resolved by an agent or the bot, or by 24 hours of silence.
    pub enum ResolvedBy {
        Agent => "agent",
        Bot => "bot",
        Timeout => "timeout",
    }
);

/// Who reads conversations (WA-3 scopes; RLS narrows agents to their own and the
/// unassigned queue, sales to their customers').
pub fn reads_conversations(role: Role) -> bool {
    matches!(
        role,
        Role::SuperAdmin
            | Role::Director
            | Role::CsAdmin
            | Role::CsAgent
            | Role::SalesManager
            | Role::Salesperson
    )
}

/// Who assigns conversations and changes their status: the CS admin and super admin any,
/// an agent their own (taking unassigned ones to themselves).
pub fn works_conversations(role: Role) -> bool {
    matches!(role, Role::SuperAdmin | Role::CsAdmin | Role::CsAgent)
}

/// Whether `body` is a WhatsApp Business Account webhook body: an object with `object`
/// `whatsapp_business_account` and an `entry` array. Everything else in it is the
/// provider's and is read (or ignored) when the stored body is processed.
pub fn check_cloud_body(body: &serde_json::Value) -> Result<(), &'static str> {
    match (body.get("object"), body.get("entry")) {
        (Some(serde_json::Value::String(object)), Some(serde_json::Value::Array(_)))
            if object == "whatsapp_business_account" =>
        {
            Ok(())
        }
        (Some(_), Some(serde_json::Value::Array(_))) => {
            Err("`object` must be \"whatsapp_business_account\"")
        }
        _ => Err("not a WhatsApp webhook body: `object` and an `entry` array are required"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn cloud_bodies_need_their_object_and_entries() {
        assert_eq!(
            check_cloud_body(&json!({"object": "whatsapp_business_account", "entry": [], "x": 1})),
            Ok(())
        );
        assert!(check_cloud_body(&json!({"object": "page", "entry": []})).is_err());
        assert!(check_cloud_body(&json!({"object": "whatsapp_business_account"})).is_err());
        assert!(check_cloud_body(&json!([1, 2])).is_err());
    }

    #[test]
    fn only_cs_and_management_work_conversations() {
        for role in Role::ALL {
            if works_conversations(role) {
                assert!(reads_conversations(role), "{role:?}");
            }
        }
        assert!(!reads_conversations(Role::MarketingStaff));
        assert!(!reads_conversations(Role::FinanceManager));
        assert!(!works_conversations(Role::Director));
    }
}
