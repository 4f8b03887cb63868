//! GET /ar/my-customers: the AR of the customers you own (DSO-3).

use actix_web::{get, web};
use chrono::NaiveDate;
use persistence::ar::reports::{self, OutstandingFilter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{aging::aging_body, report_day, require_reader, AgingRow, OutstandingInvoice};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MyCustomersQuery {
    /// The day (default today, Asia/Jakarta).
    pub as_of: Option<NaiveDate>,
}

/// Your customers' aging and their open invoices on `as_of`.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyCustomersBody {
    pub as_of: NaiveDate,
    pub customers: Vec<AgingRow>,
    pub totals: AgingRow,
    /// Every open invoice of those customers, most overdue first.
    pub invoices: Vec<OutstandingInvoice>,
}

/// "Piutang pelanggan saya": the customers you (or your team) own through customers,
/// prospects or leads, their aging and open invoices on `as_of`.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(MyCustomersQuery),
    responses(
        (status = 200, description = "Your customers' AR", body = MyCustomersBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no AR", body = ErrorBody),
    )
)]
#[get("/ar/my-customers")]
#[tracing::instrument(name = "GET /ar/my-customers", skip_all)]
pub async fn ar_my_customers(
    ctx: UserTx,
    query: web::Query<MyCustomersQuery>,
) -> ApiResult<web::Json<MyCustomersBody>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let as_of = report_day(query.as_of);
    let aging = aging_body(reports::aging(&mut tx, as_of, None, true).await?);
    let mine = OutstandingFilter {
        mine: true,
        ..OutstandingFilter::default()
    };
    let open = reports::outstanding(&mut tx, as_of, &mine, &[], None).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(MyCustomersBody {
        as_of,
        customers: aging.data,
        totals: aging.totals,
        invoices: open.rows.into_iter().map(Into::into).collect(),
    }))
}
