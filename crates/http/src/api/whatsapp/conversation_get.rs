//! GET /conversations/{id}: a conversation with its messages (WA-2).

use actix_web::{get, web};
use persistence::whatsapp;
use uuid::Uuid;

use super::{require_reader, Conversation, ConversationDetail, Message};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// A conversation you may see, with its customer and lead, and every message in the
/// order sent: provider id, sender, status and the provider's error of a failed one.
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Conversation id")),
    responses(
        (status = 200, description = "The conversation", body = ConversationDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no conversations", body = ErrorBody),
        (status = 404, description = "No such conversation in your scope", body = ErrorBody),
    )
)]
#[get("/conversations/{id}")]
#[tracing::instrument(name = "GET /conversations/{id}", skip_all)]
pub async fn get_conversation(
    ctx: UserTx,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ConversationDetail>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(user.role)?;
    let (conversation, messages) = whatsapp::thread(&mut tx, *id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ConversationDetail {
        conversation: Conversation::from(conversation),
        messages: messages.into_iter().map(Message::from).collect(),
    }))
}
