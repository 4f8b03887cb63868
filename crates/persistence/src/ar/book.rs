//! The whole book on a day ≥ today, from the open rollups (`ar_customer_balances`,
//! `ar_open_by_due`, kept by the invoices' trigger): a page of the aging, its totals row
//! and the count and Σ of the open invoices — a few index reads instead of aggregating
//! every open invoice. Readers of the whole book only (the rollups have no per-customer
//! RLS); equal to the raw reads in `reports` (tests/it/ar/rollups.rs).

use chrono::NaiveDate;
use domain::list::PageRequest;

use super::reports::AgingRow;
use crate::{list::COUNT_CAP, DbError, Tx};

/// The aging totals of the whole book and the number of open invoices.
#[derive(Debug, Clone)]
pub struct BookTotals {
    /// Customers in the aging, counted up to [`COUNT_CAP`].
    pub customers: i64,
    pub capped: bool,
    pub current: String,
    pub d1_30: String,
    pub d31_60: String,
    pub d61_90: String,
    pub d90_plus: String,
    pub total: String,
    pub unapplied: String,
    pub open_invoices: i64,
}

/// One page of the aging of the whole book on `as_of` (≥ today), largest total first.
pub async fn aging_page(
    tx: &mut Tx,
    as_of: NaiveDate,
    page: PageRequest,
) -> Result<Vec<AgingRow>, DbError> {
    Ok(sqlx::query_as!(
        AgingRow,
        r#"select a.customer_id as "customer_id!", c.customer_code as "customer_code!", c.company_name as "customer_name!",
                  a.current_amount::text as "current!", a.d1_30::text as "d1_30!", a.d31_60::text as "d31_60!",
                  a.d61_90::text as "d61_90!", a.d90_plus::text as "d90_plus!", a.total::text as "total!",
                  a.paid_after::text as "paid_after!", a.unapplied::text as "unapplied!"
             from app.ar_aging_book_page($1, $2, $3) with ordinality a
             join customers c on c.id = a.customer_id
            order by a.ordinality"#,
        as_of,
        i32::try_from(page.limit()).unwrap_or(i32::MAX),
        i32::try_from(page.offset()).unwrap_or(i32::MAX),
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// The aging totals row of the whole book on `as_of` (≥ today), the customers in it and
/// the number of open invoices.
pub async fn totals(tx: &mut Tx, as_of: NaiveDate) -> Result<BookTotals, DbError> {
    let cap = i32::try_from(COUNT_CAP).unwrap_or(i32::MAX);
    Ok(sqlx::query_as!(
        BookTotals,
        r#"select customers as "customers!", capped as "capped!",
                  current_amount::text as "current!", d1_30::text as "d1_30!", d31_60::text as "d31_60!",
                  d61_90::text as "d61_90!", d90_plus::text as "d90_plus!", total::text as "total!",
                  unapplied::text as "unapplied!", open_count as "open_invoices!"
             from app.ar_aging_book_totals($1, $2)"#,
        as_of,
        cap,
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// How many invoices are open on `as_of` and Σ their outstanding, for the whole book;
/// `None` when `as_of` is before today in the database's clock (the caller reads the raw
/// rows then).
pub async fn open_totals(tx: &mut Tx, as_of: NaiveDate) -> Result<Option<(i64, String)>, DbError> {
    let row = sqlx::query!(
        r#"with later as (
             select count(*) filter (where i.allocated < i.amount) as n,
                    coalesce(sum(i.amount - i.allocated) filter (where i.allocated < i.amount), 0) as s
               from invoices i where i.voided_at is null and i.invoice_date > $1)
           select case when $1 >= app.ar_today()
                       then (coalesce(sum(t.open_count), 0) - (select n from later))::bigint end as count,
                  case when $1 >= app.ar_today()
                       then (coalesce(sum(t.open_amount), 0.00) - (select s from later))::text end as sum
             from ar_open_by_due t"#,
        as_of,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(row.count.zip(row.sum))
}
