//! Payments (DSO-1): one transactional function records a payment and allocates it,
//! explicitly or FIFO (oldest due date, then invoice date), under the locks of the
//! customer's open invoices — taken in that one order by every payment, so concurrent
//! payments of a customer queue instead of over-allocating or deadlocking. What is not
//! allocated stays as the customer's credit.

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    ar::{
        allocation::{self, Allocation, OpenInvoice, Requested},
        payment::NewPayment,
        PaymentMethod,
    },
    list::PageRequest,
    money::cents_text,
    FieldErrors,
};
use sqlx::{Postgres, QueryBuilder};
use uuid::Uuid;

use super::cents;
use crate::{
    list::{contains_pattern, fetch_page, Export, SqlSort},
    DbError, Page, Stored, Tx,
};

/// A payment as lists show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PaymentRow {
    pub id: Uuid,
    pub payment_code: String,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub payment_date: NaiveDate,
    pub amount: String,
    pub allocated: String,
    pub unapplied: String,
    pub method: Stored<PaymentMethod>,
    pub reference: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One allocation a payment made.
#[derive(Debug, Clone)]
pub struct PaymentAllocation {
    pub invoice_id: Uuid,
    pub invoice_code: String,
    pub amount: String,
}

/// A recorded payment with what it was allocated to.
#[derive(Debug, Clone)]
pub struct RecordedPayment {
    pub payment: PaymentRow,
    pub allocations: Vec<PaymentAllocation>,
}

/// Why a payment was refused before the database's own checks.
#[derive(Debug)]
pub enum PaymentError {
    Fields(FieldErrors),
    Db(DbError),
}

impl From<DbError> for PaymentError {
    fn from(err: DbError) -> Self {
        Self::Db(err)
    }
}

impl From<sqlx::Error> for PaymentError {
    fn from(err: sqlx::Error) -> Self {
        Self::Db(err.into())
    }
}

/// Filters of `GET payments`.
#[derive(Debug, Clone, Default)]
pub struct PaymentFilter {
    pub customer_id: Option<Uuid>,
    pub q: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only payments with unapplied cash.
    pub unapplied_only: bool,
}

/// Sortable fields of payment lists.
pub const SORT: &[(&str, &str)] = &[
    ("payment_date", "p.payment_date"),
    ("amount", "p.amount"),
    ("payment_code", "p.payment_code"),
    ("customer_name", "c.company_name"),
    ("created_at", "p.created_at"),
];

const FROM: &str = "payments p join customers c on c.id = p.customer_id";
const SELECT: &str = "select p.id, p.payment_code, p.customer_id, c.company_name as customer_name, p.payment_date, \
     p.amount::text as amount, p.allocated::text as allocated, (p.amount - p.allocated)::text as unapplied, \
     p.method, p.reference, p.created_at from payments p join customers c on c.id = p.customer_id";

/// Records `payment` and allocates it; all or nothing. Three statements: the insert
/// (which is also the check that the caller sees the customer, and returns what the
/// response shows), the lock of the customer's open invoices, the allocations.
pub async fn record(tx: &mut Tx, payment: &NewPayment) -> Result<RecordedPayment, PaymentError> {
    let inserted = sqlx::query!(
        r#"insert into payments (customer_id, payment_date, amount, method, reference, created_by)
           select c.id, $2, $3::text::numeric, $4, $5, app.uid() from customers c where c.id = $1
           returning id as "id!", payment_code as "payment_code!", amount::text as "amount!",
                     created_at as "created_at!",
                     (select c.company_name from customers c where c.id = $1) as "customer_name!""#,
        payment.customer_id,
        payment.payment_date,
        payment.amount.as_str(),
        Stored(payment.method) as _,
        payment.reference,
    )
    .fetch_optional(&mut **tx)
    .await?;
    let Some(inserted) = inserted else {
        return Err(PaymentError::Fields(FieldErrors::single(
            "customer_id",
            "is not a known customer",
        )));
    };
    let open = lock_open_invoices(tx, payment.customer_id).await?;
    let allocations = apply(
        tx,
        inserted.id,
        payment.customer_id,
        payment.amount.cents(),
        payment.allocations.as_deref(),
        &open,
    )
    .await?;
    // The row as `get` would read it now: `allocated` is what was just allocated.
    let allocated: i128 = allocations.iter().map(|a| cents(&a.amount)).sum();
    let payment = PaymentRow {
        id: inserted.id,
        payment_code: inserted.payment_code,
        customer_id: payment.customer_id,
        customer_name: inserted.customer_name,
        payment_date: payment.payment_date,
        unapplied: cents_text(cents(&inserted.amount) - allocated),
        amount: inserted.amount,
        allocated: cents_text(allocated),
        method: Stored(payment.method),
        reference: payment.reference.clone(),
        created_at: inserted.created_at,
    };
    Ok(RecordedPayment {
        payment,
        allocations,
    })
}

/// Allocates what is still unapplied of payment `id` (customer credit) to the customer's
/// open invoices, explicitly or FIFO; all or nothing. [`DbError::NotFound`] when the
/// caller does not see the payment.
pub async fn allocate(
    tx: &mut Tx,
    id: Uuid,
    requested: Option<&[Requested]>,
) -> Result<RecordedPayment, PaymentError> {
    let customer = sqlx::query_scalar!(
        r#"select customer_id as "customer_id!" from payments where id = $1"#,
        id
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    // The customer's open invoices are locked first, as by every payment; what is unapplied
    // is read after that, so a concurrent allocation of this payment has committed by then
    // (and the database refuses over-allocation should it not have).
    let open = lock_open_invoices(tx, customer).await?;
    let unapplied = sqlx::query_scalar!(
        r#"select (amount - allocated)::text as "unapplied!" from payments where id = $1"#,
        id
    )
    .fetch_one(&mut **tx)
    .await?;
    let unapplied = cents(&unapplied);
    if unapplied == 0 {
        return Err(PaymentError::Fields(FieldErrors::single(
            "payment",
            "has no unapplied amount left to allocate",
        )));
    }
    apply(tx, id, customer, unapplied, requested, &open).await?;
    Ok(recorded(tx, id).await?)
}

/// Reverses the allocations of payment `id` (to `invoice` only, when given): the amounts
/// become unapplied cash of the payment and outstanding on the invoices again. Returns the
/// payment with the allocations it keeps; a field error when there was nothing to reverse.
pub async fn reverse(
    tx: &mut Tx,
    id: Uuid,
    invoice: Option<Uuid>,
) -> Result<RecordedPayment, PaymentError> {
    // (The trigger of each deleted allocation locks its payment and invoice.)
    sqlx::query!("select id from payments where id = $1", id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)?;
    let reversed = sqlx::query!(
        "delete from payment_allocations where payment_id = $1 and ($2::uuid is null or invoice_id = $2)",
        id,
        invoice
    )
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if reversed == 0 {
        let field = if invoice.is_some() {
            "invoice_id"
        } else {
            "payment"
        };
        return Err(PaymentError::Fields(FieldErrors::single(
            field,
            "has no allocation to reverse",
        )));
    }
    Ok(recorded(tx, id).await?)
}

/// Payment `id` as it stands, with all its allocations.
async fn recorded(tx: &mut Tx, id: Uuid) -> Result<RecordedPayment, DbError> {
    let allocations = allocations_of(tx, &[id])
        .await?
        .into_iter()
        .map(|(_, a)| a)
        .collect();
    Ok(RecordedPayment {
        payment: get(tx, id).await?,
        allocations,
    })
}

/// Spreads `budget` cents of payment `id` over `open`, the customer's open invoices locked
/// by the caller (explicitly or FIFO), and writes the allocations; returns them in plan
/// order.
async fn apply(
    tx: &mut Tx,
    id: Uuid,
    customer: Uuid,
    budget: i128,
    requested: Option<&[Requested]>,
    open: &[OpenInvoice],
) -> Result<Vec<PaymentAllocation>, PaymentError> {
    let plan: Vec<Allocation> = match requested {
        None => allocation::fifo(budget, open),
        Some(requested) => {
            allocation::explicit(budget, requested, open).map_err(PaymentError::Fields)?
        }
    };
    let invoice_ids: Vec<Uuid> = plan.iter().map(|a| a.invoice_id).collect();
    let amounts: Vec<String> = plan.iter().map(|a| cents_text(a.amount)).collect();
    Ok(sqlx::query_as!(
        PaymentAllocation,
        r#"with made as (
             insert into payment_allocations (payment_id, invoice_id, customer_id, amount, created_by)
             select $1, x.invoice_id, $2, x.amount::numeric, app.uid()
               from unnest($3::uuid[], $4::text[]) with ordinality as x (invoice_id, amount, n)
              order by x.n
             returning invoice_id, amount)
           select m.invoice_id as "invoice_id!", i.invoice_code as "invoice_code!", m.amount::text as "amount!"
             from made m join invoices i on i.id = m.invoice_id
            order by array_position($3::uuid[], m.invoice_id)"#,
        id,
        customer,
        &invoice_ids,
        &amounts,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// The customer's open invoices in FIFO order, locked until the transaction ends.
async fn lock_open_invoices(tx: &mut Tx, customer: Uuid) -> Result<Vec<OpenInvoice>, DbError> {
    let rows = sqlx::query!(
        r#"select id as "id!", (amount - allocated)::text as "open!"
             from invoices
            where customer_id = $1 and voided_at is null and allocated < amount
            order by due_date, invoice_date, id
              for update"#,
        customer
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| OpenInvoice {
            id: r.id,
            outstanding: cents(&r.open),
        })
        .collect())
}

/// One payment the caller may see; [`DbError::NotFound`] otherwise.
pub async fn get(tx: &mut Tx, id: Uuid) -> Result<PaymentRow, DbError> {
    let sql = format!("{SELECT} where p.id = $1");
    sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)
}

/// The allocations of the payments `ids`, in one query.
pub async fn allocations_of(
    tx: &mut Tx,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, PaymentAllocation)>, DbError> {
    let rows = sqlx::query!(
        r#"select a.payment_id as "payment_id!", a.invoice_id as "invoice_id!", i.invoice_code as "invoice_code!",
                  a.amount::text as "amount!"
             from payment_allocations a join invoices i on i.id = a.invoice_id
            where a.payment_id = any($1)
            order by i.due_date, i.invoice_code"#,
        ids
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.payment_id,
                PaymentAllocation {
                    invoice_id: r.invoice_id,
                    invoice_code: r.invoice_code,
                    amount: r.amount,
                },
            )
        })
        .collect())
}

fn push_filter(query: &mut QueryBuilder<'_, Postgres>, filter: &PaymentFilter) {
    query.push(" where true");
    if let Some(customer) = filter.customer_id {
        query.push(" and p.customer_id = ").push_bind(customer);
    }
    if let Some(q) = &filter.q {
        let pattern = contains_pattern(q);
        query
            .push(" and (p.payment_code ilike ")
            .push_bind(pattern.clone())
            .push(" or p.reference ilike ")
            .push_bind(pattern.clone())
            .push(" or c.company_name ilike ")
            .push_bind(pattern)
            .push(")");
    }
    if let Some(from) = filter.from {
        query.push(" and p.payment_date >= ").push_bind(from);
    }
    if let Some(to) = filter.to {
        query.push(" and p.payment_date <= ").push_bind(to);
    }
    if filter.unapplied_only {
        query.push(" and p.allocated < p.amount");
    }
}

/// A page of the payments the caller may see.
pub async fn list(
    tx: &mut Tx,
    filter: &PaymentFilter,
    sort: &[SqlSort],
    page: PageRequest,
) -> Result<Page<PaymentRow>, DbError> {
    fetch_page(
        tx,
        FROM,
        SELECT,
        |q| push_filter(q, filter),
        sort,
        ("p.payment_date desc, p.payment_code desc", "p.id"),
        page,
    )
    .await
}

/// Every matching payment for an export (up to `limit`).
pub fn export<'a>(
    filter: &'a PaymentFilter,
    sort: &[SqlSort],
    limit: i64,
) -> Export<'a, PaymentRow> {
    Export::new(
        SELECT,
        |q| push_filter(q, filter),
        sort,
        ("p.payment_date desc, p.payment_code desc", "p.id"),
        limit,
    )
}
