//! POST /invoices/{id}/collection-ticket (DSO-4).

use actix_web::{http::StatusCode, post, web, HttpResponse};
use persistence::ar::collection;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

/// The collection ticket of an invoice.
#[derive(Debug, Serialize, ToSchema)]
pub struct CollectionTicket {
    pub ticket_id: Uuid,
    #[schema(example = "TKT-2026-000321")]
    pub ticket_code: String,
    /// Whether this request opened it (false: it was open already).
    pub created: bool,
}

/// Opens a `general_request` ticket for Finance (FIN) about the invoice, with its
/// customer and the invoice in the description — or returns the one already open for it
/// (201 when opened, 200 when it existed). Finance, sales managers and salespeople for the
/// invoices they see.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Invoice id")),
    responses(
        (status = 201, description = "Opened", body = CollectionTicket),
        (status = 200, description = "Already open", body = CollectionTicket),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role does not open collection tickets", body = ErrorBody),
        (status = 404, description = "No such invoice in your scope", body = ErrorBody),
        (status = 409, description = "The invoice is void", body = ErrorBody),
    )
)]
#[post("/invoices/{id}/collection-ticket")]
#[tracing::instrument(name = "POST /invoices/{id}/collection-ticket", skip_all)]
pub async fn open_collection_ticket(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    if !domain::ar::opens_collection_tickets(user.role) {
        return Err(ApiError::Forbidden);
    }
    let ticket = collection::open(&mut tx, *id, domain::jakarta_today()).await?;
    persistence::commit(tx).await?;
    let status = if ticket.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(HttpResponse::build(status).json(CollectionTicket {
        ticket_id: ticket.ticket_id,
        ticket_code: ticket.ticket_code,
        created: ticket.created,
    }))
}
