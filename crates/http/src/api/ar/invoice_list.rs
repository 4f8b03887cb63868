//! GET /invoices: every invoice you may see, with its status as of today.

use actix_web::{get, web};
use chrono::NaiveDate;
use persistence::ar::invoices::{self, InvoiceFilter};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{closed_list, require_reader, Invoice};
use crate::{
    api::{
        crm::{sql_sort, text},
        page_request, ListBody,
    },
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvoiceQuery {
    pub customer_id: Option<Uuid>,
    /// Comma-separated: unpaid, partially_paid, paid, overdue, void.
    pub status: Option<String>,
    /// Text over invoice code, invoice number and customer name.
    pub q: Option<String>,
    /// Invoice date on or after.
    pub from: Option<NaiveDate>,
    /// Invoice date on or before.
    pub to: Option<NaiveDate>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// invoice_date, due_date, amount, outstanding, invoice_code, customer_name,
    /// created_at; `-` for descending.
    #[param(value_type = Option<InvoiceSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::sort_param!(InvoiceSort => invoices::SORT);

impl InvoiceQuery {
    pub(crate) fn filter(&self) -> ApiResult<InvoiceFilter> {
        Ok(InvoiceFilter {
            customer_id: self.customer_id,
            status: closed_list("status", self.status.as_deref())?,
            q: text(self.q.clone()),
            from: self.from,
            to: self.to,
        })
    }
}

/// The invoices in your AR scope, newest first.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(InvoiceQuery),
    responses(
        (status = 200, description = "A page of invoices", body = ListBody<Invoice>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no AR", body = ErrorBody),
        (status = 422, description = "Invalid filter, sort or paging", body = ErrorBody),
    )
)]
#[get("/invoices")]
#[tracing::instrument(name = "GET /invoices", skip_all)]
pub async fn list_invoices(
    ctx: UserTx,
    query: web::Query<InvoiceQuery>,
) -> ApiResult<web::Json<ListBody<Invoice>>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), invoices::SORT)?;
    let filter = query.filter()?;
    let rows = invoices::list(&mut tx, &filter, &sort, page, domain::jakarta_today()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Invoice::from)))
}
