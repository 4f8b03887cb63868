//! GET /invoices/{id}: one invoice with the payments allocated to it.

use actix_web::{get, web};
use persistence::ar::invoices;
use uuid::Uuid;

use super::{require_reader, InvoiceDetail};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

/// One invoice with its allocations; 404 for an invoice outside your AR scope.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Invoice id")),
    responses(
        (status = 200, description = "The invoice", body = InvoiceDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no AR", body = ErrorBody),
        (status = 404, description = "No such invoice in your scope", body = ErrorBody),
    )
)]
#[get("/invoices/{id}")]
#[tracing::instrument(name = "GET /invoices/{id}", skip_all)]
pub async fn get_invoice(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<InvoiceDetail>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let invoice = invoices::get(&mut tx, *id, domain::jakarta_today()).await?;
    let allocations = invoices::allocations(&mut tx, *id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(InvoiceDetail {
        invoice: invoice.into(),
        allocations: allocations.into_iter().map(Into::into).collect(),
    }))
}
