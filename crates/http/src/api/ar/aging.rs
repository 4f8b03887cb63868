//! GET /ar/aging: aging per customer on a day, with the totals row (DSO-2, DSO-6).

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::money::cents_text;
use persistence::ar::reports;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{report_day, require_reader, AgingBody, AgingRow};
use crate::{
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgingQuery {
    /// The day (default today, Asia/Jakarta).
    pub as_of: Option<NaiveDate>,
    pub customer_id: Option<Uuid>,
}

fn cents(text: &str) -> i128 {
    domain::money::text_cents(text).unwrap_or(0)
}

/// The aging rows with `net` and the totals row (sums in exact cents).
pub(crate) fn aging_body(as_of: NaiveDate, rows: Vec<reports::AgingRow>) -> AgingBody {
    let mut sums = [0i128; 8];
    let data = rows
        .into_iter()
        .map(|r| {
            let values = [
                &r.current,
                &r.d1_30,
                &r.d31_60,
                &r.d61_90,
                &r.d90_plus,
                &r.total,
                &r.paid_after,
                &r.unapplied,
            ];
            for (sum, value) in sums.iter_mut().zip(values) {
                *sum += cents(value);
            }
            let net = cents_text(cents(&r.total) + cents(&r.unapplied));
            AgingRow {
                customer_id: Some(r.customer_id),
                customer_code: Some(r.customer_code),
                customer_name: r.customer_name,
                current: r.current,
                d1_30: r.d1_30,
                d31_60: r.d31_60,
                d61_90: r.d61_90,
                d90_plus: r.d90_plus,
                total: r.total,
                paid_after: r.paid_after,
                unapplied: r.unapplied,
                net,
            }
        })
        .collect();
    let [current, d1_30, d31_60, d61_90, d90_plus, total, paid_after, unapplied] =
        sums.map(cents_text);
    let net = cents_text(sums[5] + sums[7]);
    AgingBody {
        as_of,
        data,
        totals: AgingRow {
            customer_id: None,
            customer_code: None,
            customer_name: "Total".to_owned(),
            current,
            d1_30,
            d31_60,
            d61_90,
            d90_plus,
            total,
            paid_after,
            unapplied,
            net,
        },
    }
}

/// Aging on `as_of` per customer in your AR scope: current (not yet due), 1–30, 31–60,
/// 61–90 and over 90 days past due; what was paid after the day; unapplied cash as a
/// negative line; and the totals row.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(AgingQuery),
    responses(
        (status = 200, description = "Aging per customer and in total", body = AgingBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no AR", body = ErrorBody),
    )
)]
#[get("/ar/aging")]
#[tracing::instrument(name = "GET /ar/aging", skip_all)]
pub async fn ar_aging(
    ctx: UserTx,
    query: web::Query<AgingQuery>,
) -> ApiResult<web::Json<AgingBody>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let as_of = report_day(query.as_of);
    let rows = reports::aging(&mut tx, as_of, query.customer_id, false).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(aging_body(as_of, rows)))
}
