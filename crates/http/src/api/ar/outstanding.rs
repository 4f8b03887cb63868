//! GET /ar/outstanding: the invoices open on a day (DSO-2).

use actix_web::{get, web};
use chrono::NaiveDate;
use persistence::ar::reports::{self, OutstandingFilter};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{closed_list, report_day, require_reader, OutstandingBody};
use crate::{
    api::{
        crm::{sql_sort, text},
        page_request,
    },
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OutstandingQuery {
    /// The day (default today, Asia/Jakarta): invoices dated by then, payments dated by then.
    pub as_of: Option<NaiveDate>,
    pub customer_id: Option<Uuid>,
    /// Comma-separated: unpaid, partially_paid, overdue.
    pub status: Option<String>,
    /// Text over invoice code, invoice number and customer name.
    pub q: Option<String>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// days_overdue, outstanding, due_date, invoice_date, customer_name, invoice_code;
    /// `-` for descending. Default: most overdue first.
    #[param(value_type = Option<OutstandingSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::sort_param!(OutstandingSort => reports::OUTSTANDING_SORT);

impl OutstandingQuery {
    pub(crate) fn filter(&self, mine: bool, whole_book: bool) -> ApiResult<OutstandingFilter> {
        Ok(OutstandingFilter {
            customer_id: self.customer_id,
            status: closed_list("status", self.status.as_deref())?,
            q: text(self.q.clone()),
            mine,
            whole_book,
        })
    }
}

/// The invoices open on `as_of` in your AR scope, with Σ outstanding of all that match
/// (equal to the aging total and the DSO AR balance of the same day).
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(OutstandingQuery),
    responses(
        (status = 200, description = "A page of open invoices", body = OutstandingBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no AR", body = ErrorBody),
        (status = 422, description = "Invalid filter, sort or paging", body = ErrorBody),
    )
)]
#[get("/ar/outstanding")]
#[tracing::instrument(name = "GET /ar/outstanding", skip_all)]
pub async fn ar_outstanding(
    ctx: UserTx,
    query: web::Query<OutstandingQuery>,
) -> ApiResult<web::Json<OutstandingBody>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), reports::OUTSTANDING_SORT)?;
    let as_of = report_day(query.as_of);
    let filter = query.filter(false, domain::ar::sees_whole_book(user.role))?;
    let found = reports::outstanding(&mut tx, as_of, &filter, &sort, Some(page)).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(OutstandingBody {
        as_of,
        data: found.rows.into_iter().map(Into::into).collect(),
        total: found.total,
        total_outstanding: found.outstanding,
        page: page.page,
        per_page: page.per_page,
    }))
}
