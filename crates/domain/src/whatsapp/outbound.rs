//! WA-1: the messages agents and the bot sent, as n8n forwards them
//! (`POST webhooks/whatsapp/outbound`, a JSON array), read with every field error at once.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::{crm::PhoneE164, ClosedSet, Email, FieldErrors};

use super::SenderKind;

/// Most messages one request may carry.
pub const MAX_OUTBOUND_BATCH: usize = 1_000;
/// WhatsApp's own limit on a text message.
const MAX_TEXT_CHARS: usize = 4_096;

/// One outbound message, validated and normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboundMessage {
    pub provider_message_id: String,
    pub to: PhoneE164,
    /// `agent` or `bot`.
    pub sender_kind: SenderKind,
    pub agent_email: Option<Email>,
    pub text: Option<String>,
    pub timestamp: DateTime<Utc>,
    pub campaign: Option<String>,
    /// The business number it went out from (Cloud API `phone_number_id`), when known.
    pub phone_number_id: Option<String>,
}

impl OutboundMessage {
    /// The stored form: what processing reads, the same for retries that differ only in
    /// how a number or a time was written.
    pub fn to_json(&self) -> Value {
        json!({
            "provider_message_id": self.provider_message_id,
            "to": self.to.as_str(),
            "sender_kind": self.sender_kind.as_str(),
            "agent_email": self.agent_email.as_ref().map(Email::as_str),
            "text": self.text,
            "timestamp": self.timestamp.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "campaign": self.campaign,
            "phone_number_id": self.phone_number_id,
        })
    }
}

/// Reads a batch: a JSON array of 1 to [`MAX_OUTBOUND_BATCH`] objects. Errors are keyed
/// `<index>.<field>` (or `body`), all of them at once.
pub fn read_outbound(body: &Value) -> Result<Vec<OutboundMessage>, FieldErrors> {
    let Value::Array(items) = body else {
        return Err(FieldErrors::single(
            "body",
            "must be a JSON array of outbound messages",
        ));
    };
    if items.is_empty() || items.len() > MAX_OUTBOUND_BATCH {
        return Err(FieldErrors::single(
            "body",
            format!("must hold 1 to {MAX_OUTBOUND_BATCH} messages"),
        ));
    }
    let mut errors = FieldErrors::new();
    let mut messages = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        if let Some(message) = read_one(item, &format!("{index}."), &mut errors) {
            messages.push(message);
        }
    }
    errors.into_result().map(|()| messages)
}

fn read_one(item: &Value, at: &str, errors: &mut FieldErrors) -> Option<OutboundMessage> {
    let Value::Object(fields) = item else {
        errors.add(at.trim_end_matches('.'), "must be an object");
        return None;
    };
    let text = |name: &str| -> Result<Option<&str>, String> {
        match fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim())),
            Some(_) => Err("must be a string".to_owned()),
        }
    };
    let field = |name: &str| format!("{at}{name}");
    let required = |name: &str| -> Result<&str, String> {
        text(name)?.ok_or_else(|| "is required".to_owned())
    };
    let bounded = |name: &str, max: usize| -> Result<Option<String>, String> {
        match text(name)? {
            Some(s) if s.chars().count() > max => Err(format!("must be at most {max} characters")),
            other => Ok(other.map(str::to_owned)),
        }
    };
    let id = errors.take(
        &field("provider_message_id"),
        required("provider_message_id").and_then(|s| {
            if s.chars().count() > 200 {
                Err("must be at most 200 characters".to_owned())
            } else {
                Ok(s.to_owned())
            }
        }),
    );
    let to = errors.take(
        &field("to"),
        required("to").and_then(|s| PhoneE164::parse(s).map_err(|e| e.to_string())),
    );
    let sender_kind = errors.take(
        &field("sender_kind"),
        required("sender_kind").and_then(|s| match SenderKind::from_text(s) {
            Some(kind @ (SenderKind::Agent | SenderKind::Bot)) => Ok(kind),
            _ => Err("must be one of: agent, bot".to_owned()),
        }),
    );
    let agent_email = errors.take(
        &field("agent_email"),
        text("agent_email").and_then(|s| {
            s.map(|s| Email::parse(s).map_err(|e| e.to_string()))
                .transpose()
        }),
    );
    let body = errors.take(&field("text"), bounded("text", MAX_TEXT_CHARS));
    let timestamp = errors.take(
        &field("timestamp"),
        required("timestamp").and_then(|s| {
            DateTime::parse_from_rfc3339(s)
                .map(|t| t.with_timezone(&Utc))
                .map_err(|_| "must be an RFC 3339 time, e.g. 2026-12-09T08:00:00+07:00".to_owned())
        }),
    );
    let campaign = errors.take(&field("campaign"), bounded("campaign", 200));
    let phone_number_id = errors.take(&field("phone_number_id"), bounded("phone_number_id", 64));
    Some(OutboundMessage {
        provider_message_id: id?,
        to: to?,
        sender_kind: sender_kind?,
        agent_email: agent_email?,
        text: body?,
        timestamp: timestamp?,
        campaign: campaign?,
        phone_number_id: phone_number_id?,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_batch_is_read_and_normalised() {
        let read = read_outbound(&json!([
            {"provider_message_id": "wamid.A", "to": "0812-3456-7001", "sender_kind": "agent",
             "agent_email": "CS_Agent@Demo.Local", "text": " Halo ", "timestamp": "2026-12-09T08:00:00+07:00",
             "unknown": true},
            {"provider_message_id": "wamid.B", "to": "+62 812 3456 7002", "sender_kind": "bot",
             "timestamp": "2026-12-09T01:00:00Z", "campaign": "Promo Desember"}
        ]))
        .unwrap();
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].to.as_str(), "+6281234567001");
        assert_eq!(read[0].text.as_deref(), Some("Halo"));
        assert_eq!(read[0].to_json()["timestamp"], "2026-12-09T01:00:00.000Z");
        assert_eq!(read[1].campaign.as_deref(), Some("Promo Desember"));
        assert_eq!(read[1].to_json()["agent_email"], Value::Null);
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let errors = read_outbound(&json!([
            {"provider_message_id": "wamid.A", "to": "0812-3456-7001", "sender_kind": "agent",
             "timestamp": "2026-12-09T08:00:00+07:00"},
            {"to": "12", "sender_kind": "customer", "timestamp": "09/12/2026", "text": 5,
             "agent_email": "nope"},
            "x"
        ]))
        .unwrap_err();
        let fields: Vec<_> = errors.fields().collect();
        assert_eq!(
            fields,
            [
                "1.agent_email",
                "1.provider_message_id",
                "1.sender_kind",
                "1.text",
                "1.timestamp",
                "1.to",
                "2"
            ]
        );
    }

    #[test]
    fn the_batch_has_bounds() {
        assert!(read_outbound(&json!({"provider_message_id": "x"})).is_err());
        assert!(read_outbound(&json!([])).is_err());
        let many: Vec<_> = (0..=MAX_OUTBOUND_BATCH).map(|_| json!({})).collect();
        assert!(read_outbound(&Value::Array(many)).is_err());
    }
}
