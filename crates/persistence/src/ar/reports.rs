//! As-of reports (DSO-2, DSO-3, DSO-6): the open invoices of a day, aging per customer,
//! and the day-by-day movements behind DSO — from the maintained daily totals for whole
//! book readers, from the raw rows (through the caller's RLS) otherwise.

use chrono::NaiveDate;
use domain::{
    ar::{dso::DailyMove, InvoiceStatus},
    list::PageRequest,
};
use sqlx::{Postgres, QueryBuilder};
use uuid::Uuid;

use super::cents;
use crate::{
    list::{contains_pattern, push_order_and_page, SqlSort},
    DbError, Stored, Tx,
};

/// An invoice open on the day.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutstandingRow {
    pub invoice_id: Uuid,
    pub invoice_code: String,
    pub invoice_number: Option<String>,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    pub amount: String,
    pub paid: String,
    pub outstanding: String,
    pub paid_after: String,
    pub days_overdue: i32,
    pub status: Stored<InvoiceStatus>,
}

/// Filters of `GET ar/outstanding`.
#[derive(Debug, Clone, Default)]
pub struct OutstandingFilter {
    pub customer_id: Option<Uuid>,
    pub status: Vec<InvoiceStatus>,
    pub q: Option<String>,
    /// Only the caller's own customers (`ar/my-customers`).
    pub mine: bool,
    /// The caller reads the whole book: with no other filter, the totals of a day ≥ today
    /// come from the open rollups (`book::open_totals`).
    pub whole_book: bool,
}

/// The matching open invoices of one page, with the count and Σ outstanding of all.
#[derive(Debug, Clone)]
pub struct OutstandingPage {
    pub rows: Vec<OutstandingRow>,
    pub total: i64,
    pub outstanding: String,
}

/// Sortable fields of `ar/outstanding`.
pub const OUTSTANDING_SORT: &[(&str, &str)] = &[
    ("days_overdue", "o.days_overdue"),
    ("outstanding", "o.outstanding"),
    ("due_date", "o.due_date"),
    ("invoice_date", "o.invoice_date"),
    ("customer_name", "c.company_name"),
    ("invoice_code", "o.invoice_code"),
];

fn push_outstanding(
    query: &mut QueryBuilder<'_, Postgres>,
    as_of: NaiveDate,
    filter: &OutstandingFilter,
) {
    // A day ≥ today reads the open invoices alone (no union), so that the page's
    // ORDER BY due_date … LIMIT walks their index.
    let source = if as_of >= domain::jakarta_today() {
        " from app.ar_invoices_open("
    } else {
        " from app.ar_invoices_as_of("
    };
    query
        .push(source)
        .push_bind(as_of)
        .push(") o join customers c on c.id = o.customer_id where true");
    if let Some(customer) = filter.customer_id {
        query.push(" and o.customer_id = ").push_bind(customer);
    }
    if filter.mine {
        query.push(" and o.customer_id = any ((select app.ar_customer_ids())::uuid[])");
    }
    if !filter.status.is_empty() {
        let statuses: Vec<&str> = filter
            .status
            .iter()
            .map(|s| domain::ClosedSet::as_str(*s))
            .collect();
        query
            .push(" and o.status = any(")
            .push_bind(statuses)
            .push(")");
    }
    if let Some(q) = &filter.q {
        let pattern = contains_pattern(q);
        query
            .push(" and (o.invoice_code ilike ")
            .push_bind(pattern.clone())
            .push(" or o.invoice_number ilike ")
            .push_bind(pattern.clone())
            .push(" or c.company_name ilike ")
            .push_bind(pattern)
            .push(")");
    }
}

/// How many invoices open on `as_of` match, and Σ their outstanding (a decimal string).
pub async fn outstanding_totals(
    tx: &mut Tx,
    as_of: NaiveDate,
    filter: &OutstandingFilter,
) -> Result<(i64, String), DbError> {
    let unfiltered = filter.customer_id.is_none()
        && filter.status.is_empty()
        && filter.q.is_none()
        && !filter.mine;
    if filter.whole_book && unfiltered && as_of >= domain::jakarta_today() {
        if let Some(totals) = super::book::open_totals(tx, as_of).await? {
            return Ok(totals);
        }
    }
    let mut totals = QueryBuilder::new("select count(*), coalesce(sum(o.outstanding), 0.00)::text");
    push_outstanding(&mut totals, as_of, filter);
    Ok(totals.build_query_as().fetch_one(&mut **tx).await?)
}

/// The invoices open on `as_of` that match, one page of them plus the totals of all.
pub async fn outstanding(
    tx: &mut Tx,
    as_of: NaiveDate,
    filter: &OutstandingFilter,
    sort: &[SqlSort],
    page: Option<PageRequest>,
) -> Result<OutstandingPage, DbError> {
    let (total, sum) = outstanding_totals(tx, as_of, filter).await?;
    let mut query = QueryBuilder::new(
        "select o.invoice_id, o.invoice_code, o.invoice_number, o.customer_id, c.company_name as customer_name, \
         o.invoice_date, o.due_date, o.amount::text as amount, o.paid::text as paid, \
         o.outstanding::text as outstanding, o.paid_after::text as paid_after, o.days_overdue, o.status",
    );
    push_outstanding(&mut query, as_of, filter);
    // Most overdue first: days_overdue = as_of − due_date for every row, so by due date,
    // which the open invoices' index (due_date, invoice_code) gives in order.
    let tiebreak = "o.due_date, o.invoice_code";
    match page {
        Some(page) => push_order_and_page(&mut query, sort, tiebreak, page),
        None => crate::list::push_order(&mut query, sort, tiebreak),
    }
    let rows = query.build_query_as().fetch_all(&mut **tx).await?;
    Ok(OutstandingPage {
        rows,
        total,
        outstanding: sum,
    })
}

/// One customer's aging on the day.
#[derive(Debug, Clone)]
pub struct AgingRow {
    pub customer_id: Uuid,
    pub customer_code: String,
    pub customer_name: String,
    pub current: String,
    pub d1_30: String,
    pub d31_60: String,
    pub d61_90: String,
    pub d90_plus: String,
    pub total: String,
    pub paid_after: String,
    pub unapplied: String,
}

/// Aging per customer on `as_of`, largest total first; `mine`: only the caller's own
/// customers; `customer`: only that one.
pub async fn aging(
    tx: &mut Tx,
    as_of: NaiveDate,
    customer: Option<Uuid>,
    mine: bool,
) -> Result<Vec<AgingRow>, DbError> {
    Ok(sqlx::query_as!(
        AgingRow,
        r#"select a.customer_id as "customer_id!", c.customer_code as "customer_code!", c.company_name as "customer_name!",
                  a.current_amount::text as "current!", a.d1_30::text as "d1_30!", a.d31_60::text as "d31_60!",
                  a.d61_90::text as "d61_90!", a.d90_plus::text as "d90_plus!", a.total::text as "total!",
                  a.paid_after::text as "paid_after!", a.unapplied::text as "unapplied!"
             from app.ar_aging_as_of($1) a join customers c on c.id = a.customer_id
            where ($2::uuid is null or a.customer_id = $2)
              and (not $3 or a.customer_id = any ((select app.ar_customer_ids())::uuid[]))
            order by a.total desc, c.company_name, a.customer_id"#,
        as_of,
        customer,
        mine,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// Whose movements a DSO report reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DsoScope {
    /// The whole book, from `ar_daily_totals`.
    Book,
    /// The raw rows the caller sees, optionally one customer's or one salesperson's.
    Raw {
        customer: Option<Uuid>,
        owner: Option<Uuid>,
    },
}

/// Movements from `from` to `to`; everything earlier comes summed in one row dated
/// `from - 1`.
pub async fn daily_moves(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
    scope: DsoScope,
) -> Result<Vec<DailyMove>, DbError> {
    let rows = match scope {
        DsoScope::Book => sqlx::query!(
            r#"select day as "day!", invoiced::text as "invoiced!", applied::text as "applied!"
                 from app.ar_daily_book($1, $2)"#,
            from,
            to
        )
        .fetch_all(&mut **tx)
        .await?
        .into_iter()
        .map(|r| (r.day, r.invoiced, r.applied))
        .collect::<Vec<_>>(),
        DsoScope::Raw { customer, owner } => sqlx::query!(
            r#"select day as "day!", invoiced::text as "invoiced!", applied::text as "applied!"
                 from app.ar_daily_raw($1, $2, $3, $4)"#,
            from,
            to,
            customer,
            owner
        )
        .fetch_all(&mut **tx)
        .await?
        .into_iter()
        .map(|r| (r.day, r.invoiced, r.applied))
        .collect(),
    };
    Ok(rows
        .into_iter()
        .map(|(day, invoiced, applied)| DailyMove {
            day,
            invoiced: cents(&invoiced),
            applied: cents(&applied),
        })
        .collect())
}
