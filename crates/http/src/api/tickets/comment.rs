//! POST /tickets/{id}/comments.

use actix_web::{post, web, HttpResponse};
use domain::tickets::comments_on_tickets;
use persistence::tickets;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

use super::dto::*;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCommentRequest {
    #[schema(example = "Sudah kami cek, paket tertahan di hub Cikarang.")]
    pub comment_text: String,
    /// `true` (default): a note for colleagues; `false`: a reply to the customer.
    pub is_internal_note: Option<bool>,
}

/// Adds a reply or an internal note to a ticket you may see (TCK-3). The first reply by
/// someone other than the creator records the first response (TCK-4). A closed ticket
/// takes internal notes only: a reply to the customer waits until it is reopened (409).
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    request_body = CreateCommentRequest,
    responses(
        (status = 201, description = "The comment", body = TicketComment),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Read-only role", body = ErrorBody),
        (status = 404, description = "No such ticket among those you may see", body = ErrorBody),
        (status = 409, description = "A reply to the customer on a closed ticket: reopen it first", body = ErrorBody),
        (status = 422, description = "Empty or too long", body = ErrorBody),
    )
)]
#[post("/tickets/{id}/comments")]
#[tracing::instrument(name = "POST /tickets/{id}/comments", skip_all)]
pub async fn add_comment(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<CreateCommentRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    if !comments_on_tickets(user.role) {
        return Err(ApiError::Forbidden);
    }
    let id = id.into_inner();
    let body = body.value;
    let comment = body.comment_text.trim();
    if comment.is_empty() {
        return Err(ApiError::validation("comment_text", "is required"));
    }
    if comment.chars().count() > 20_000 {
        return Err(ApiError::validation(
            "comment_text",
            "must be at most 20000 characters",
        ));
    }
    // 404, not 403, for a ticket the caller cannot see.
    tickets::visible(&mut tx, id).await?;
    let message = tickets::add_message(
        &mut tx,
        id,
        user.id,
        comment,
        body.is_internal_note.unwrap_or(true),
    )
    .await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Created().json(TicketComment::from(message)))
}
