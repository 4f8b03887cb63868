//! POST /webhooks/whatsapp: the WhatsApp Cloud API webhook (WA-1).

use actix_web::{post, web, HttpRequest};
use domain::whatsapp::check_cloud_body;
use persistence::whatsapp::{self, BodyKind, WebhookBody};

use super::{webhook_tx, WebhookCaller, WebhookReceived};
use crate::{
    api::intake::IntakeBody,
    error::{ApiError, ApiResult, ErrorBody},
    AppState,
};

/// The envelope of a Cloud API webhook body; what `entry` holds is the provider's.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // documents the body; the handler reads it as JSON
pub struct CloudWebhookBody {
    #[schema(
        pattern = "^whatsapp_business_account$",
        example = "whatsapp_business_account"
    )]
    object: String,
    /// The provider's entries, read (or ignored) when the stored body is processed.
    entry: Vec<serde_json::Value>,
}

/// Receives a WhatsApp Cloud API webhook body unchanged (`object:
/// whatsapp_business_account`): inbound messages of every type and delivery statuses
/// (with `errors`, `conversation`, `pricing`). From n8n with `X-API-KEY` (scope
/// `whatsapp:write`) or from Meta directly, signed with the app secret
/// (`X-Hub-Signature-256`). The body is stored first and once (a replay of the same body
/// answers `duplicate: true`), then processed: messages once per provider id, statuses
/// once per message and status, numbers linked to customers or new `whatsapp` leads.
/// Unknown fields are ignored; see docs/whatsapp.md.
#[utoipa::path(
    tag = "whatsapp",
    security(("api_key" = []), ("whatsapp_signature" = [])),
    request_body(content = CloudWebhookBody, description = "The Cloud API webhook body, unchanged"),
    responses(
        (status = 200, description = "Stored", body = WebhookReceived),
        (status = 400, description = "Malformed JSON, or not a WhatsApp Business Account body", body = ErrorBody),
        (status = 401, description = "No valid key, or a wrong signature", body = ErrorBody),
        (status = 429, description = "The key is over its rate, or the client sent too many unknown keys; see `Retry-After`", body = ErrorBody),
        (status = 403, description = "The key lacks `whatsapp:write`", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
    )
)]
#[post("/webhooks/whatsapp")]
#[tracing::instrument(name = "POST /webhooks/whatsapp", skip_all)]
pub async fn receive_whatsapp(
    caller: WebhookCaller,
    req: HttpRequest,
    body: IntakeBody,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<WebhookReceived>> {
    let (mut tx, via) = webhook_tx(caller, &body, &state, &req).await?;
    check_cloud_body(&body.value).map_err(|m| ApiError::BadRequest(m.to_owned()))?;
    let sha256 = body.canonical_sha256();
    let stored = WebhookBody {
        kind: BodyKind::CloudApi,
        sha256: &sha256,
        json: &body.value,
        via,
        create_leads: state.settings.whatsapp.create_leads,
    };
    let ingested = whatsapp::ingest(&mut tx, &stored).await?;
    persistence::commit(tx).await?;
    state
        .events
        .conversations_changed(ingested.conversations.clone());
    Ok(web::Json(WebhookReceived::from(&ingested)))
}
