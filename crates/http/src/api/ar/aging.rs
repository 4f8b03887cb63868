//! GET /ar/aging: aging per customer on a day, one page of customers with the totals row
//! of all (DSO-2, DSO-6). The whole book of today comes from the open rollups
//! (`persistence::ar::book`); a past day, one customer or a sales scope from the raw rows.

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::{list::PageRequest, money::cents_text};
use persistence::ar::{book, reports};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{report_day, require_reader, AgingBody, AgingRow};
use crate::{
    api::page_request,
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgingQuery {
    /// The day (default today, Asia/Jakarta).
    pub as_of: Option<NaiveDate>,
    pub customer_id: Option<Uuid>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgingPageQuery {
    /// The day (default today, Asia/Jakarta).
    pub as_of: Option<NaiveDate>,
    pub customer_id: Option<Uuid>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// `total` (default): largest total first; `overdue`: most past due first.
    #[param(value_type = Option<AgingOrder>, inline)]
    pub sort: Option<String>,
}

/// The order of the aging's customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum AgingOrder {
    Total,
    Overdue,
}

impl AgingOrder {
    fn parse(raw: Option<&str>) -> ApiResult<Self> {
        match raw.map(str::trim) {
            None | Some("" | "total") => Ok(Self::Total),
            Some("overdue") => Ok(Self::Overdue),
            Some(_) => Err(ApiError::validation(
                "sort",
                "must be one of: total, overdue",
            )),
        }
    }
}

/// Aging rows and their totals row.
pub(crate) struct AgingFigures {
    pub data: Vec<AgingRow>,
    pub totals: AgingRow,
}

fn cents(text: &str) -> i128 {
    domain::money::text_cents(text).unwrap_or(0)
}

/// The aging rows with `net` and the totals row (sums in exact cents).
pub(crate) fn aging_body(rows: Vec<reports::AgingRow>) -> AgingFigures {
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
            aging_row(r)
        })
        .collect();
    let [current, d1_30, d31_60, d61_90, d90_plus, total, paid_after, unapplied] =
        sums.map(cents_text);
    let net = cents_text(sums[5] + sums[7]);
    AgingFigures {
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

fn aging_row(r: reports::AgingRow) -> AgingRow {
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
}

/// Σ of the past-due buckets, in cents.
fn overdue(r: &AgingRow) -> i128 {
    [&r.d1_30, &r.d31_60, &r.d61_90, &r.d90_plus]
        .into_iter()
        .map(|v| cents(v))
        .sum()
}

/// One page of the aging from the raw rows: every customer read, the totals row over all.
fn raw_page(
    rows: Vec<reports::AgingRow>,
    order: AgingOrder,
    page: PageRequest,
) -> (AgingFigures, i64) {
    let mut figures = aging_body(rows);
    if order == AgingOrder::Overdue {
        // Stable: ties keep the report's order (total, name, id).
        figures.data.sort_by_key(|r| std::cmp::Reverse(overdue(r)));
    }
    let total = i64::try_from(figures.data.len()).unwrap_or(i64::MAX);
    let from = usize::try_from(page.offset()).unwrap_or(usize::MAX);
    let take = usize::try_from(page.limit()).unwrap_or(usize::MAX);
    figures.data = figures.data.into_iter().skip(from).take(take).collect();
    (figures, total)
}

/// One page of the whole book's aging on a day ≥ today, from the open rollups.
async fn book_page(
    tx: &mut persistence::Tx,
    as_of: NaiveDate,
    page: PageRequest,
) -> ApiResult<(AgingFigures, i64, bool)> {
    let rows = book::aging_page(tx, as_of, page).await?;
    let t = book::totals(tx, as_of).await?;
    let totals = aging_row(reports::AgingRow {
        customer_id: Uuid::nil(),
        customer_code: String::new(),
        customer_name: "Total".to_owned(),
        current: t.current,
        d1_30: t.d1_30,
        d31_60: t.d31_60,
        d61_90: t.d61_90,
        d90_plus: t.d90_plus,
        total: t.total,
        paid_after: "0.00".to_owned(),
        unapplied: t.unapplied,
    });
    let totals = AgingRow {
        customer_id: None,
        customer_code: None,
        ..totals
    };
    let data = rows.into_iter().map(aging_row).collect();
    Ok((AgingFigures { data, totals }, t.customers, t.capped))
}

/// Aging on `as_of` per customer in your AR scope: current (not yet due), 1–30, 31–60,
/// 61–90 and over 90 days past due; what was paid after the day; unapplied cash as a
/// negative line; one page of customers (largest total, or most overdue, first) and the
/// totals row of all of them.
#[utoipa::path(
    tag = "ar",
    security(("bearer" = [])),
    params(AgingPageQuery),
    responses(
        (status = 200, description = "A page of the aging per customer, and the totals", body = AgingBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no AR", body = ErrorBody),
        (status = 422, description = "Invalid sort or paging", body = ErrorBody),
    )
)]
#[get("/ar/aging")]
#[tracing::instrument(name = "GET /ar/aging", skip_all)]
pub async fn ar_aging(
    ctx: UserTx,
    query: web::Query<AgingPageQuery>,
) -> ApiResult<web::Json<AgingBody>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let order = AgingOrder::parse(query.sort.as_deref())?;
    let as_of = report_day(query.as_of);
    let from_rollups = order == AgingOrder::Total
        && query.customer_id.is_none()
        && as_of >= domain::jakarta_today()
        && domain::ar::sees_whole_book(user.role);
    let (figures, total, total_capped) = if from_rollups {
        book_page(&mut tx, as_of, page).await?
    } else {
        let rows = reports::aging(&mut tx, as_of, query.customer_id, false).await?;
        let (figures, total) = raw_page(rows, order, page);
        (figures, total, false)
    };
    persistence::commit(tx).await?;
    Ok(web::Json(AgingBody {
        as_of,
        data: figures.data,
        totals: figures.totals,
        total,
        total_capped,
        page: page.page,
        per_page: page.per_page,
    }))
}
