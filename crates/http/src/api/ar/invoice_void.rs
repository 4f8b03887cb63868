//! POST /invoices/{id}/void (DSO-1).

use actix_web::{post, web};
use domain::ar::invoice::parse_void_reason;
use persistence::ar::invoices;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{require_writer, Invoice};
use crate::{
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoidInvoiceRequest {
    /// Why the invoice no longer counts; required.
    #[schema(example = "Issued twice")]
    pub reason: Option<String>,
}

/// Voids an invoice: it stops counting in every AR figure, for every day. Refused with
/// 409 while payments are allocated to it (reverse them first) or when it is void
/// already. Finance and super admin.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Invoice id")),
    request_body = VoidInvoiceRequest,
    responses(
        (status = 200, description = "The void invoice", body = Invoice),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only finance voids invoices", body = ErrorBody),
        (status = 404, description = "No such invoice", body = ErrorBody),
        (status = 409, description = "Payments are allocated to it, or it is void already", body = ErrorBody),
        (status = 422, description = "The reason is missing", body = ErrorBody),
    )
)]
#[post("/invoices/{id}/void")]
#[tracing::instrument(name = "POST /invoices/{id}/void", skip_all)]
pub async fn void_invoice(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<VoidInvoiceRequest>,
) -> ApiResult<web::Json<Invoice>> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    let reason = parse_void_reason(body.value.reason).map_err(ApiError::Validation)?;
    let voided = invoices::void(&mut tx, *id, &reason, domain::jakarta_today()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(voided.into()))
}
