//! POST /payments (DSO-1): record a payment and allocate it, explicitly or FIFO.

use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use domain::{
    ar::payment::{AllocationInput, NewPayment, PaymentInput},
    FieldErrors,
};
use persistence::ar::payments;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{payment_error, require_writer, Payment};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AllocationRequest {
    pub invoice_id: Option<Uuid>,
    #[schema(example = "500000.00")]
    pub amount: Option<String>,
}

/// A payment (SPEC §4.12). Without `allocations` it goes FIFO over the customer's open
/// invoices (oldest due date first); what is left stays as the customer's credit.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePaymentRequest {
    pub customer_id: Option<Uuid>,
    /// Not after today (Asia/Jakarta).
    #[schema(value_type = Option<String>, format = Date, example = "2026-12-04")]
    pub payment_date: Option<String>,
    #[schema(example = "1500000.00")]
    pub amount: Option<String>,
    /// Default `bank_transfer`.
    #[schema(value_type = Option<domain::ar::PaymentMethod>)]
    pub method: Option<String>,
    #[schema(example = "TRF BCA 0412")]
    pub reference: Option<String>,
    pub allocations: Option<Vec<AllocationRequest>>,
}

impl From<AllocationRequest> for AllocationInput {
    fn from(a: AllocationRequest) -> Self {
        Self {
            invoice_id: a.invoice_id,
            amount: a.amount,
        }
    }
}

impl TryFrom<CreatePaymentRequest> for NewPayment {
    type Error = FieldErrors;

    fn try_from(r: CreatePaymentRequest) -> Result<Self, FieldErrors> {
        let allocations = r
            .allocations
            .map(|list| list.into_iter().map(Into::into).collect());
        let input = PaymentInput {
            customer_id: r.customer_id,
            payment_date: r.payment_date,
            amount: r.amount,
            method: r.method,
            reference: r.reference,
            allocations,
        };
        NewPayment::parse(input, domain::jakarta_today())
    }
}

/// Records a payment and allocates it in one transaction. Finance and super admin;
/// accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    request_body = CreatePaymentRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "The payment and its allocations", body = Payment),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only finance records payments", body = ErrorBody),
        (status = 409, description = "An allocation no longer fits (changed meanwhile)", body = ErrorBody),
        (status = 422, description = "Invalid fields or allocations (all reported)", body = ErrorBody),
    )
)]
#[post("/payments")]
#[tracing::instrument(name = "POST /payments", skip_all)]
pub async fn create_payment(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreatePaymentRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    let payment = NewPayment::try_from(body.value).map_err(ApiError::Validation)?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let recorded = payments::record(&mut tx, &payment)
        .await
        .map_err(payment_error)?;
    let allocations = recorded.allocations.into_iter().map(Into::into).collect();
    let body = Payment::new(recorded.payment, allocations);
    let response = idem.respond(&mut tx, StatusCode::CREATED, &body).await?;
    persistence::commit(tx).await?;
    Ok(response)
}
