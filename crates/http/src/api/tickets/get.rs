//! GET /tickets/{id}: a ticket with its conversation, SLA trail and broadcasts.

use actix_web::{get, web};
use domain::tickets::{reads_broadcasts, reads_ticket_identity};
use persistence::tickets;
use uuid::Uuid;

use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

pub(super) async fn detail(
    tx: &mut persistence::Tx,
    user_role: domain::Role,
    id: Uuid,
) -> ApiResult<TicketDetail> {
    let identity = reads_ticket_identity(user_role);
    let row = tickets::get(tx, id, identity).await?;
    let comments = tickets::messages(tx, id, identity).await?;
    let events = tickets::sla_events(tx, id).await?;
    let broadcasts = match (&row.tracking_number, reads_broadcasts(user_role)) {
        (Some(awb), true) => tickets::broadcast_history(tx, awb, BROADCAST_HISTORY).await?,
        _ => Vec::new(),
    };
    Ok(TicketDetail {
        ticket: row.into(),
        comments: comments.into_iter().map(Into::into).collect(),
        sla_events: events.into_iter().map(Into::into).collect(),
        attachments: tickets::attachments(tx, id, identity)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
        broadcast_history: broadcasts.into_iter().map(Into::into).collect(),
    })
}

/// A ticket with its comments, SLA events and the AWB's broadcast history.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The ticket", body = TicketDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such ticket among those you may see", body = ErrorBody),
    )
)]
#[get("/tickets/{id}")]
#[tracing::instrument(name = "GET /tickets/{id}", skip_all)]
pub async fn get_ticket(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<TicketDetail>> {
    let UserTx { mut tx, user } = ctx;
    let body = detail(&mut tx, user.role, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}
