//! POST /payments/{id}/reverse (DSO-1): undo a payment's allocations, so that a wrong
//! allocation can be corrected or its invoice voided.

use actix_web::{post, web};
use persistence::ar::payments;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{payment_error, require_writer, Payment};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReversePaymentRequest {
    /// Only the allocation to this invoice; without it, every allocation of the payment.
    pub invoice_id: Option<Uuid>,
}

/// Reverses allocations of a payment: their amounts become the payment's unapplied cash
/// and the invoices' outstanding again, on every report day (the audit log keeps what was
/// reversed). Finance and super admin.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Payment id")),
    request_body = ReversePaymentRequest,
    responses(
        (status = 200, description = "The payment with the allocations it keeps", body = Payment),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only finance reverses allocations", body = ErrorBody),
        (status = 404, description = "No such payment", body = ErrorBody),
        (status = 422, description = "Nothing to reverse", body = ErrorBody),
    )
)]
#[post("/payments/{id}/reverse")]
#[tracing::instrument(name = "POST /payments/{id}/reverse", skip_all)]
pub async fn reverse_payment(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<ReversePaymentRequest>,
) -> ApiResult<web::Json<Payment>> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    let done = payments::reverse(&mut tx, *id, body.value.invoice_id)
        .await
        .map_err(payment_error)?;
    persistence::commit(tx).await?;
    let allocations = done.allocations.into_iter().map(Into::into).collect();
    Ok(web::Json(Payment::new(done.payment, allocations)))
}
