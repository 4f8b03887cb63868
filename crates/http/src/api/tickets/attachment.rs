//! POST /tickets/{id}/attachments.

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
pub struct AddAttachmentRequest {
    /// A file you uploaded with `POST /files?bucket=ticket-attachments&name=…`.
    pub file_id: Uuid,
}

/// Attaches a file you uploaded to a ticket you may see (TCK-3). Everyone who sees the
/// ticket may then download it.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    request_body = AddAttachmentRequest,
    responses(
        (status = 201, description = "Attached", body = TicketAttachment),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Read-only role", body = ErrorBody),
        (status = 404, description = "No such ticket among those you may see", body = ErrorBody),
        (status = 409, description = "The file is already attached", body = ErrorBody),
        (status = 422, description = "Not a file you uploaded to ticket-attachments", body = ErrorBody),
    )
)]
#[post("/tickets/{id}/attachments")]
#[tracing::instrument(name = "POST /tickets/{id}/attachments", skip_all)]
pub async fn add_attachment(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<AddAttachmentRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    if !comments_on_tickets(user.role) {
        return Err(ApiError::Forbidden);
    }
    let id = id.into_inner();
    let file_id = body.value.file_id;
    tickets::visible(&mut tx, id).await?;
    let file = persistence::files::get(&mut tx, file_id).await.ok();
    if file.is_none_or(|f| f.bucket != "ticket-attachments" || f.uploaded_by != Some(user.id)) {
        return Err(ApiError::validation(
            "file_id",
            "must be a file you uploaded to ticket-attachments",
        ));
    }
    let row = tickets::add_attachment(&mut tx, id, file_id, user.id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Created().json(TicketAttachment::from(row)))
}
