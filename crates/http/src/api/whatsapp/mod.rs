//! WA-1..3: WhatsApp. The webhook Meta (directly, signed) or n8n (with an API key) posts
//! Cloud API bodies to, its verification handshake, the outbound messages n8n forwards,
//! and the conversations CS works (list, thread, status and assignment, a ticket from a
//! conversation).

mod conversation_get;
mod conversation_list;
mod conversation_ticket;
mod conversation_update;
mod dto;
mod outbound;
mod verify;
mod webhook;

pub use conversation_get::*;
pub use conversation_list::*;
pub use conversation_ticket::*;
pub use conversation_update::*;
pub use dto::*;
pub use outbound::*;
pub use verify::*;
pub use webhook::*;

use actix_web::{dev::Payload, FromRequest, HttpRequest};
use domain::whatsapp::signature_matches;
use persistence::{whatsapp::Via, Identity, RequestContext, Tx};

use crate::{
    api::intake::IntakeBody,
    error::{ApiError, ApiResult},
    extract::{request_id, KeyTx},
    AppState,
};

/// The scope an API key needs to post WhatsApp bodies.
const SCOPE: &str = "whatsapp:write";

/// Who posts to the webhook: an API key (n8n), or a body signed with the app secret
/// (`X-Hub-Signature-256`, a direct Meta subscription), checked once the body is read.
pub enum WebhookCaller {
    Key(Box<KeyTx>),
    Signed(String),
}

impl FromRequest for WebhookCaller {
    type Error = ApiError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let signature = req
            .headers()
            .get("x-hub-signature-256")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        // Without a signature the key is the credential (and its absence a 401).
        let use_key = req.headers().contains_key("x-api-key") || signature.is_none();
        let key = use_key.then(|| KeyTx::from_request(req, payload));
        Box::pin(async move {
            match (key, signature) {
                (Some(key), _) => Ok(Self::Key(Box::new(key.await?))),
                (None, signature) => Ok(Self::Signed(signature.unwrap_or_default())),
            }
        })
    }
}

/// The transaction a webhook body is stored in: the key's (with its scope checked), or
/// the worker's once the signature over the raw body holds.
async fn webhook_tx(
    caller: WebhookCaller,
    body: &IntakeBody,
    state: &AppState,
    req: &HttpRequest,
) -> ApiResult<(Tx, Via)> {
    match caller {
        WebhookCaller::Key(key) => {
            key.require_scope(SCOPE)?;
            Ok((key.tx, Via::ApiKey))
        }
        WebhookCaller::Signed(signature) => {
            let secret = state.settings.whatsapp.app_secret.as_deref();
            if !secret.is_some_and(|s| signature_matches(s.as_bytes(), &body.raw, &signature)) {
                return Err(ApiError::Unauthorized);
            }
            let ctx = RequestContext::new(Identity::Worker, request_id(req));
            let (tx, _) = state.db.begin(&ctx).await?;
            Ok((tx, Via::Signature))
        }
    }
}

/// 403 unless the role reads conversations.
fn require_reader(role: domain::Role) -> ApiResult<()> {
    if domain::whatsapp::reads_conversations(role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// 403 unless the role works conversations.
fn require_worker(role: domain::Role) -> ApiResult<()> {
    if domain::whatsapp::works_conversations(role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(receive_whatsapp)
        .service(verify_whatsapp)
        .service(receive_whatsapp_outbound)
        .service(list_conversations)
        .service(get_conversation)
        .service(update_conversation)
        .service(open_conversation_ticket);
}
