//! GET /payments: the payments you may see, each with its allocations.

use actix_web::{get, web};
use chrono::NaiveDate;
use persistence::ar::payments::{self, PaymentFilter};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{require_reader, Payment};
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
pub struct PaymentQuery {
    pub customer_id: Option<Uuid>,
    /// Text over payment code, reference and customer name.
    pub q: Option<String>,
    /// Payment date on or after.
    pub from: Option<NaiveDate>,
    /// Payment date on or before.
    pub to: Option<NaiveDate>,
    /// Only payments with unapplied cash (customer credit).
    pub unapplied: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// payment_date, amount, payment_code, customer_name, created_at; `-` descending.
    #[param(value_type = Option<PaymentSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::sort_param!(PaymentSort => payments::SORT);

impl PaymentQuery {
    pub(crate) fn filter(&self) -> PaymentFilter {
        PaymentFilter {
            customer_id: self.customer_id,
            q: text(self.q.clone()),
            from: self.from,
            to: self.to,
            unapplied_only: self.unapplied.unwrap_or(false),
        }
    }
}

/// The payments in your AR scope, newest first.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(PaymentQuery),
    responses(
        (status = 200, description = "A page of payments", body = ListBody<Payment>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no AR", body = ErrorBody),
        (status = 422, description = "Invalid sort or paging", body = ErrorBody),
    )
)]
#[get("/payments")]
#[tracing::instrument(name = "GET /payments", skip_all)]
pub async fn list_payments(
    ctx: UserTx,
    query: web::Query<PaymentQuery>,
) -> ApiResult<web::Json<ListBody<Payment>>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), payments::SORT)?;
    let rows = payments::list(&mut tx, &query.filter(), &sort, page).await?;
    let ids: Vec<Uuid> = rows.rows.iter().map(|p| p.id).collect();
    let mut allocations = payments::allocations_of(&mut tx, &ids).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, |p| {
        let mine = allocations
            .iter()
            .filter(|(id, _)| *id == p.id)
            .map(|(_, a)| a.clone().into())
            .collect();
        allocations.retain(|(id, _)| *id != p.id);
        Payment::new(p, mine)
    })))
}
