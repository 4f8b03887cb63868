//! PATCH /conversations/{id}: status and assignment (WA-2).

use actix_web::{patch, web};
use domain::{whatsapp::ConversationStatus, ClosedSet, FieldErrors};
use persistence::whatsapp::{self, ConversationChange};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{require_worker, Conversation};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
    AppState,
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateConversationRequest {
    pub status: Option<ConversationStatus>,
    /// A CS agent or CS admin; `null` hands the conversation back to the queue.
    #[serde(default, deserialize_with = "crate::extract::present")]
    #[schema(value_type = Option<Uuid>)]
    pub assigned_to_user_id: Option<Option<Uuid>>,
}

impl TryFrom<&UpdateConversationRequest> for ConversationChange {
    type Error = FieldErrors;

    fn try_from(r: &UpdateConversationRequest) -> Result<Self, FieldErrors> {
        if r.status.is_none() && r.assigned_to_user_id.is_none() {
            return Err(FieldErrors::single(
                "status",
                format!(
                    "or assigned_to_user_id is required ({})",
                    ConversationStatus::choices()
                ),
            ));
        }
        Ok(Self {
            status: r.status,
            assignee: r.assigned_to_user_id,
        })
    }
}

/// Resolves, reopens or parks a conversation and assigns it. The CS admin and super admin
/// any; a CS agent their own and the unassigned queue, taking a conversation only to
/// themselves. Only the current conversation of a customer is reopened (409 otherwise).
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Conversation id")),
    request_body = UpdateConversationRequest,
    responses(
        (status = 200, description = "Changed", body = Conversation),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not work conversations, or an agent assigned someone else", body = ErrorBody),
        (status = 404, description = "No such conversation in your scope", body = ErrorBody),
        (status = 409, description = "A newer conversation continues this one", body = ErrorBody),
        (status = 422, description = "Invalid body, or the assignee is not an active CS member", body = ErrorBody),
    )
)]
#[patch("/conversations/{id}")]
#[tracing::instrument(name = "PATCH /conversations/{id}", skip_all)]
pub async fn update_conversation(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateConversationRequest>,
    state: web::Data<AppState>,
) -> ApiResult<web::Json<Conversation>> {
    let UserTx { mut tx, user } = ctx;
    require_worker(user.role)?;
    let change = ConversationChange::try_from(&body.value).map_err(ApiError::Validation)?;
    let updated = whatsapp::change(&mut tx, *id, &change).await?;
    persistence::commit(tx).await?;
    state.events.conversations_changed(vec![updated.id]);
    Ok(web::Json(Conversation::from(updated)))
}
