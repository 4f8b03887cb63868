//! The customers AR is written for: a lookup by name or code for the invoice and payment
//! forms and the statement (finance has no CRM menu but sees customer identity, SPEC §3),
//! with what each owes today. RLS decides who is found.

use uuid::Uuid;

use crate::{list::contains_pattern, DbError, Tx};

/// A customer as AR forms pick them.
#[derive(Debug, Clone)]
pub struct CustomerRef {
    pub id: Uuid,
    pub customer_code: String,
    pub company_name: String,
    pub city: Option<String>,
    /// Σ (amount − allocated) of the customer's invoices that are not void.
    pub open_amount: String,
}

/// Up to `limit` live customers whose name or code contains `q` (all when `None`), by name.
pub async fn lookup(tx: &mut Tx, q: Option<&str>, limit: i64) -> Result<Vec<CustomerRef>, DbError> {
    let pattern = q.map(contains_pattern);
    Ok(sqlx::query_as!(
        CustomerRef,
        r#"select c.id as "id!", c.customer_code as "customer_code!", c.company_name as "company_name!",
                  c.city as "city?",
                  (select coalesce(sum(i.amount - i.allocated), 0.00) from invoices i
                    where i.customer_id = c.id and i.voided_at is null)::text as "open_amount!"
             from customers c
            where c.deleted_at is null and c.merged_into_id is null
              and ($1::text is null or c.company_name ilike $1 or c.customer_code ilike $1)
            order by c.company_name, c.id
            limit $2"#,
        pattern,
        limit
    )
    .fetch_all(&mut **tx)
    .await?)
}
