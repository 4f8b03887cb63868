//! Invoices: record (DSO-1), void (with a reason, refused while allocations exist), read
//! one with its allocations, and list with filters. Status and paid amounts are as of
//! today (Asia/Jakarta); payments are never dated after today, so paid = allocated.

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    ar::{invoice::NewInvoice, InvoiceStatus, PaymentMethod},
    list::PageRequest,
};
use sqlx::{Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{contains_pattern, fetch_page, Export, SqlSort},
    DbError, Page, Stored, Tx,
};

/// An invoice as lists and detail show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvoiceRow {
    pub id: Uuid,
    pub invoice_code: String,
    pub invoice_number: Option<String>,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub invoice_date: NaiveDate,
    pub due_date: NaiveDate,
    pub amount: String,
    pub paid: String,
    pub outstanding: String,
    pub days_overdue: i32,
    pub status: Stored<InvoiceStatus>,
    pub description: Option<String>,
    pub voided_at: Option<DateTime<Utc>>,
    pub void_reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One allocation of a payment to the invoice.
#[derive(Debug, Clone)]
pub struct InvoiceAllocation {
    pub allocation_id: Uuid,
    pub payment_id: Uuid,
    pub payment_code: String,
    pub payment_date: NaiveDate,
    pub method: Stored<PaymentMethod>,
    pub reference: Option<String>,
    pub amount: String,
}

/// Filters of `GET invoices`.
#[derive(Debug, Clone, Default)]
pub struct InvoiceFilter {
    pub customer_id: Option<Uuid>,
    pub status: Vec<InvoiceStatus>,
    pub q: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Sortable fields of invoice lists.
pub const SORT: &[(&str, &str)] = &[
    ("invoice_date", "i.invoice_date"),
    ("due_date", "i.due_date"),
    ("amount", "i.amount"),
    ("outstanding", "(i.amount - i.allocated)"),
    ("invoice_code", "i.invoice_code"),
    ("customer_name", "c.company_name"),
    ("created_at", "i.created_at"),
];

const FROM: &str = "invoices i join customers c on c.id = i.customer_id";

fn select(today: NaiveDate) -> String {
    format!(
        "select i.id, i.invoice_code, i.invoice_number, i.customer_id, c.company_name as customer_name, \
         i.invoice_date, i.due_date, i.amount::text as amount, i.allocated::text as paid, \
         (i.amount - i.allocated)::text as outstanding, ('{today}'::date - i.due_date) as days_overdue, \
         app.invoice_status(i.voided_at is not null, i.amount, i.allocated, '{today}'::date - i.due_date) as status, \
         i.description, i.voided_at, i.void_reason, i.created_at from {FROM}"
    )
}

fn push_filter(query: &mut QueryBuilder<'_, Postgres>, filter: &InvoiceFilter, today: NaiveDate) {
    query.push(" where true");
    if let Some(customer) = filter.customer_id {
        query.push(" and i.customer_id = ").push_bind(customer);
    }
    if !filter.status.is_empty() {
        let statuses: Vec<&str> = filter
            .status
            .iter()
            .map(|s| domain::ClosedSet::as_str(*s))
            .collect();
        query
            .push(format!(
                " and app.invoice_status(i.voided_at is not null, i.amount, i.allocated, '{today}'::date - i.due_date) = any("
            ))
            .push_bind(statuses)
            .push(")");
    }
    if let Some(q) = &filter.q {
        let pattern = contains_pattern(q);
        query
            .push(" and (i.invoice_code ilike ")
            .push_bind(pattern.clone())
            .push(" or i.invoice_number ilike ")
            .push_bind(pattern.clone())
            .push(" or c.company_name ilike ")
            .push_bind(pattern)
            .push(")");
    }
    if let Some(from) = filter.from {
        query.push(" and i.invoice_date >= ").push_bind(from);
    }
    if let Some(to) = filter.to {
        query.push(" and i.invoice_date <= ").push_bind(to);
    }
}

/// Records an invoice; its code comes from the database.
pub async fn create(
    tx: &mut Tx,
    invoice: &NewInvoice,
    today: NaiveDate,
) -> Result<InvoiceRow, DbError> {
    let id = sqlx::query_scalar!(
        r#"insert into invoices (customer_id, invoice_number, invoice_date, due_date, amount, description, created_by)
           values ($1, $2, $3, $4, $5::text::numeric, $6, app.uid()) returning id as "id!""#,
        invoice.customer_id,
        invoice.invoice_number,
        invoice.invoice_date,
        invoice.due_date,
        invoice.amount.as_str(),
        invoice.description,
    )
    .fetch_one(&mut **tx)
    .await?;
    get(tx, id, today).await
}

/// Voids an invoice with `reason`. Refused (constraint `invoices_void_unallocated`) while
/// payments are allocated to it; [`DbError::NotFound`] when the caller cannot see it.
pub async fn void(
    tx: &mut Tx,
    id: Uuid,
    reason: &str,
    today: NaiveDate,
) -> Result<InvoiceRow, DbError> {
    let voided = sqlx::query_scalar!(
        r#"select (voided_at is not null) as "voided!" from invoices where id = $1 for update"#,
        id
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    if voided {
        return Err(DbError::Check {
            constraint: "invoices_already_void".to_owned(),
        });
    }
    sqlx::query!(
        "update invoices set voided_at = now(), void_reason = $2, voided_by = app.uid() where id = $1",
        id,
        reason
    )
    .execute(&mut **tx)
    .await?;
    get(tx, id, today).await
}

/// One invoice the caller may see; [`DbError::NotFound`] otherwise.
pub async fn get(tx: &mut Tx, id: Uuid, today: NaiveDate) -> Result<InvoiceRow, DbError> {
    let sql = format!("{} where i.id = $1", select(today));
    sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)
}

/// The allocations of payments to invoice `id`, oldest payment first.
pub async fn allocations(tx: &mut Tx, id: Uuid) -> Result<Vec<InvoiceAllocation>, DbError> {
    Ok(sqlx::query_as!(
        InvoiceAllocation,
        r#"select a.id as "allocation_id!", p.id as "payment_id!", p.payment_code as "payment_code!",
                  p.payment_date as "payment_date!", p.method as "method!: Stored<PaymentMethod>",
                  p.reference as "reference?", a.amount::text as "amount!"
             from payment_allocations a join payments p on p.id = a.payment_id
            where a.invoice_id = $1
            order by p.payment_date, p.payment_code"#,
        id
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// A page of the invoices the caller may see.
pub async fn list(
    tx: &mut Tx,
    filter: &InvoiceFilter,
    sort: &[SqlSort],
    page: PageRequest,
    today: NaiveDate,
) -> Result<Page<InvoiceRow>, DbError> {
    let select = select(today);
    fetch_page(
        tx,
        FROM,
        &select,
        |q| push_filter(q, filter, today),
        sort,
        ("i.invoice_date desc, i.invoice_code desc", "i.id"),
        page,
    )
    .await
}

/// Every matching invoice for an export (up to `limit`).
pub fn export<'a>(
    filter: &'a InvoiceFilter,
    sort: &[SqlSort],
    limit: i64,
    today: NaiveDate,
) -> Export<'a, InvoiceRow> {
    Export::new(
        &select(today),
        move |q| push_filter(q, filter, today),
        sort,
        ("i.invoice_date desc, i.invoice_code desc", "i.id"),
        limit,
    )
}
