//! POST /invoices (DSO-1).

use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use domain::{
    ar::invoice::{InvoiceInput, NewInvoice},
    FieldErrors,
};
use persistence::ar::invoices;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{require_writer, Invoice};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

/// A new invoice (SPEC §4.12). Code, status and paid amounts are the server's.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateInvoiceRequest {
    pub customer_id: Option<Uuid>,
    /// The company's own number, unique per customer.
    #[schema(example = "001/FIN/XI/2026")]
    pub invoice_number: Option<String>,
    #[schema(value_type = Option<String>, format = Date, example = "2026-11-01")]
    pub invoice_date: Option<String>,
    /// On or after `invoice_date`.
    #[schema(value_type = Option<String>, format = Date, example = "2026-12-01")]
    pub due_date: Option<String>,
    /// More than 0, at most two decimals: `"1500000.00"`.
    #[schema(example = "1500000.00")]
    pub amount: Option<String>,
    pub description: Option<String>,
}

impl TryFrom<CreateInvoiceRequest> for NewInvoice {
    type Error = FieldErrors;

    fn try_from(r: CreateInvoiceRequest) -> Result<Self, FieldErrors> {
        NewInvoice::parse(InvoiceInput {
            customer_id: r.customer_id,
            invoice_number: r.invoice_number,
            invoice_date: r.invoice_date,
            due_date: r.due_date,
            amount: r.amount,
            description: r.description,
        })
    }
}

/// Records an invoice for a customer. Finance and super admin; accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    request_body = CreateInvoiceRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "The invoice", body = Invoice),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only finance records invoices", body = ErrorBody),
        (status = 409, description = "The invoice number is taken for this customer", body = ErrorBody),
        (status = 422, description = "Invalid fields (all of them reported)", body = ErrorBody),
    )
)]
#[post("/invoices")]
#[tracing::instrument(name = "POST /invoices", skip_all)]
pub async fn create_invoice(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateInvoiceRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    let invoice = NewInvoice::try_from(body.value).map_err(ApiError::Validation)?;
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let created = invoices::create(&mut tx, &invoice, domain::jakarta_today()).await?;
    let response = idem
        .respond(&mut tx, StatusCode::CREATED, &Invoice::from(created))
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}
