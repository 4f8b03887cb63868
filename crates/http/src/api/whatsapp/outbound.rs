//! POST /webhooks/whatsapp/outbound: the messages agents and the bot sent (WA-1).

use actix_web::{post, web};
use domain::whatsapp::{read_outbound, OutboundMessage};
use persistence::whatsapp::{self, BodyKind, Via, WebhookBody};

use super::{OutboundReceived, SCOPE};
use crate::{
    api::intake::IntakeBody,
    error::{ApiError, ApiResult, ErrorBody},
    extract::{canonical_json, KeyTx},
    AppState,
};

/// Records the outbound messages n8n forwards (agents' and the bot's replies, campaign
/// messages), so response times and the delivery funnel are real: a JSON array of up to
/// 1,000 `{provider_message_id, to, sender_kind: agent|bot, agent_email?, text?,
/// timestamp, campaign?, phone_number_id?}`. `to` in any Indonesian form. Idempotent on
/// `provider_message_id`; statuses that arrived before the message apply to it.
#[utoipa::path(
    tag = "whatsapp",
    security(("api_key" = [])),
    request_body(content = Vec<Object>, description = "The outbound messages"),
    responses(
        (status = 200, description = "Stored", body = OutboundReceived),
        (status = 400, description = "Malformed JSON, or invalid items: `details` names every field as `<index>.<field>`", body = ErrorBody),
        (status = 401, description = "No valid key", body = ErrorBody),
        (status = 429, description = "The key is over its rate, or the client sent too many unknown keys; see `Retry-After`", body = ErrorBody),
        (status = 403, description = "The key lacks `whatsapp:write`", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
    )
)]
#[post("/webhooks/whatsapp/outbound")]
#[tracing::instrument(name = "POST /webhooks/whatsapp/outbound", skip_all)]
pub async fn receive_whatsapp_outbound(
    key: KeyTx,
    body: IntakeBody,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<OutboundReceived>> {
    key.require_scope(SCOPE)?;
    let messages = read_outbound(&body.value).map_err(|details| ApiError::InvalidIntake {
        message: details.first().unwrap_or_default(),
        details,
    })?;
    let json = serde_json::Value::Array(messages.iter().map(OutboundMessage::to_json).collect());
    let sha256 = crate::credentials::sha256_hex(&canonical_json(&json));
    let stored = WebhookBody {
        kind: BodyKind::Outbound,
        sha256: &sha256,
        json: &json,
        via: Via::ApiKey,
        create_leads: state.settings.whatsapp.create_leads,
    };
    let mut tx = key.tx;
    let ingested = whatsapp::ingest(&mut tx, &stored).await?;
    persistence::commit(tx).await?;
    state
        .events
        .conversations_changed(ingested.conversations.clone());
    let duplicates = if ingested.duplicate {
        messages.len() as i64
    } else {
        ingested.duplicates
    };
    Ok(web::Json(OutboundReceived {
        stored: ingested.messages,
        duplicates,
        deferred: ingested.deferred,
    }))
}
