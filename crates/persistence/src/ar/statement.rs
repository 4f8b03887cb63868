//! A customer's statement of account: the balance brought forward, then every invoice
//! (debit) and payment (credit) of the period by date, with the running balance. Void
//! invoices are left out (they never counted).

use chrono::NaiveDate;
use uuid::Uuid;

use crate::{DbError, Tx};

/// One line of the statement, amounts as decimal text.
#[derive(Debug, Clone)]
pub struct StatementLine {
    pub day: NaiveDate,
    /// `invoice` or `payment`.
    pub kind: String,
    pub id: Uuid,
    pub code: String,
    pub reference: Option<String>,
    pub due_date: Option<NaiveDate>,
    pub debit: String,
    pub credit: String,
}

/// The statement's customer and what was owed before the period.
#[derive(Debug, Clone)]
pub struct StatementHead {
    pub customer_code: String,
    pub customer_name: String,
    pub opening: String,
}

/// The customer (when the caller may see them) and the balance before `from`.
pub async fn head(tx: &mut Tx, customer: Uuid, from: NaiveDate) -> Result<StatementHead, DbError> {
    sqlx::query_as!(
        StatementHead,
        r#"select c.customer_code as "customer_code!", c.company_name as "customer_name!",
                  ((select coalesce(sum(i.amount), 0.00) from invoices i
                     where i.customer_id = c.id and i.voided_at is null and i.invoice_date < $2)
                   - (select coalesce(sum(p.amount), 0.00) from payments p
                       where p.customer_id = c.id and p.payment_date < $2))::text as "opening!"
             from customers c where c.id = $1"#,
        customer,
        from
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)
}

/// The invoices and payments of `from` … `to`, by date (invoices before payments on a day).
pub async fn lines(
    tx: &mut Tx,
    customer: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<StatementLine>, DbError> {
    Ok(sqlx::query_as!(
        StatementLine,
        r#"select day as "day!", kind as "kind!", id as "id!", code as "code!", reference as "reference?",
                  due_date as "due_date?", debit::text as "debit!", credit::text as "credit!"
             from (select i.invoice_date as day, 'invoice' as kind, i.id, i.invoice_code as code,
                          i.invoice_number as reference, i.due_date, i.amount as debit, 0.00::numeric as credit
                     from invoices i
                    where i.customer_id = $1 and i.voided_at is null and i.invoice_date between $2 and $3
                   union all
                   select p.payment_date, 'payment', p.id, p.payment_code, p.reference, null::date, 0.00, p.amount
                     from payments p
                    where p.customer_id = $1 and p.payment_date between $2 and $3) l
            order by day, kind, code"#,
        customer,
        from,
        to
    )
    .fetch_all(&mut **tx)
    .await?)
}
