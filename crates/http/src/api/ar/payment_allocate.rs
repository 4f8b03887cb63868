//! POST /payments/{id}/allocations (DSO-1): apply a payment's unapplied cash (customer
//! credit) to open invoices, explicitly or FIFO.

use actix_web::{http::StatusCode, post, web, HttpRequest, HttpResponse};
use domain::{ar::payment::parse_allocations, FieldErrors};
use persistence::ar::payments;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{payment_create::AllocationRequest, payment_error, require_writer, Payment};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

/// Without `allocations` the unapplied cash goes FIFO (oldest due date first).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AllocatePaymentRequest {
    pub allocations: Option<Vec<AllocationRequest>>,
}

/// Allocates what is left of a payment to the customer's open invoices; the reply is the
/// payment with all its allocations. Finance and super admin; accepts `Idempotency-Key`
/// (a retry after a lost response applies nothing twice).
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Payment id"),
           ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    request_body = AllocatePaymentRequest,
    responses(
        (status = 200, description = "The payment and its allocations", body = Payment),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only finance allocates payments", body = ErrorBody),
        (status = 404, description = "No such payment", body = ErrorBody),
        (status = 409, description = "An allocation no longer fits (changed meanwhile)", body = ErrorBody),
        (status = 422, description = "Nothing left to allocate, or invalid allocations (all reported)", body = ErrorBody),
    )
)]
#[post("/payments/{id}/allocations")]
#[tracing::instrument(name = "POST /payments/{id}/allocations", skip_all)]
pub async fn allocate_payment(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    id: web::Path<Uuid>,
    body: ValidJson<AllocatePaymentRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    let mut errors = FieldErrors::new();
    let requested = body
        .value
        .allocations
        .map(|list| parse_allocations(&mut errors, list.into_iter().map(Into::into).collect()));
    errors.into_result().map_err(ApiError::Validation)?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let done = payments::allocate(&mut tx, *id, requested.as_deref())
        .await
        .map_err(payment_error)?;
    let allocations = done.allocations.into_iter().map(Into::into).collect();
    let reply = Payment::new(done.payment, allocations);
    let response = idem.respond(&mut tx, StatusCode::OK, &reply).await?;
    persistence::commit(tx).await?;
    Ok(response)
}
