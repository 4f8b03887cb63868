//! POST /conversations/{id}/ticket: a CS ticket from a conversation (WA-2).

use actix_web::{http::StatusCode, post, web, HttpResponse};
use domain::tickets::{TicketPriority, TicketType};
use persistence::whatsapp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::require_worker;
use crate::{
    error::{ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
    AppState,
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversationTicketRequest {
    /// Default `complaint`.
    pub ticket_type: Option<TicketType>,
    /// Default `medium`.
    pub priority: Option<TicketPriority>,
}

/// The ticket of a conversation.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationTicket {
    pub ticket_id: Uuid,
    #[schema(example = "TKT-2026-000321")]
    pub ticket_code: String,
    /// Whether this request opened it (false: the conversation had it already).
    pub created: bool,
}

/// Opens a CS ticket from the conversation — its number, name, customer, lead and the
/// customer's last message — and links it (201), or returns the linked one (200).
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Conversation id")),
    request_body = ConversationTicketRequest,
    responses(
        (status = 201, description = "Opened", body = ConversationTicket),
        (status = 200, description = "The conversation has its ticket already", body = ConversationTicket),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not work conversations", body = ErrorBody),
        (status = 404, description = "No such conversation in your scope", body = ErrorBody),
        (status = 422, description = "Invalid body", body = ErrorBody),
    )
)]
#[post("/conversations/{id}/ticket")]
#[tracing::instrument(name = "POST /conversations/{id}/ticket", skip_all)]
pub async fn open_conversation_ticket(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<ConversationTicketRequest>,
    state: web::Data<AppState>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_worker(user.role)?;
    let ticket_type = body.value.ticket_type.unwrap_or(TicketType::Complaint);
    let priority = body.value.priority.unwrap_or(TicketPriority::Medium);
    let ticket = whatsapp::open_ticket(&mut tx, *id, ticket_type, priority).await?;
    persistence::commit(tx).await?;
    state.events.conversations_changed(vec![*id]);
    let status = if ticket.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(HttpResponse::build(status).json(ConversationTicket {
        ticket_id: ticket.ticket_id,
        ticket_code: ticket.ticket_code,
        created: ticket.created,
    }))
}
