//! DSO-4: a collection ticket for an invoice — a `general_request` for Finance naming the
//! customer and the invoice — at most one open per invoice: a second request returns the
//! open one.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::{DbError, Tx};

/// The collection ticket of an invoice and whether this call opened it.
#[derive(Debug, Clone)]
pub struct CollectionTicket {
    pub ticket_id: Uuid,
    pub ticket_code: String,
    pub created: bool,
}

/// Opens the collection ticket of invoice `id` (which the caller must see), or returns
/// the one already open.
pub async fn open(tx: &mut Tx, id: Uuid, today: NaiveDate) -> Result<CollectionTicket, DbError> {
    let invoice = sqlx::query!(
        r#"select i.invoice_code as "code!", i.invoice_number as "number?", i.customer_id as "customer_id!",
                  c.company_name as "customer!", i.due_date as "due!", i.amount::text as "amount!",
                  (i.amount - i.allocated)::text as "open!", (i.voided_at is not null) as "void!"
             from invoices i join customers c on c.id = i.customer_id where i.id = $1"#,
        id
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    if invoice.void {
        return Err(DbError::Check {
            constraint: "invoices_already_void".to_owned(),
        });
    }
    let subject = format!("Penagihan {} — {}", invoice.code, invoice.customer);
    let description =
        format!(
        "Tagih invoice {}{} untuk {}: jumlah {}, sisa {}, jatuh tempo {} ({} hari lewat per {}).",
        invoice.code,
        invoice.number.map(|n| format!(" ({n})")).unwrap_or_default(),
        invoice.customer,
        domain::money::idr_text(super::cents(&invoice.amount)),
        domain::money::idr_text(super::cents(&invoice.open)),
        invoice.due.format("%d/%m/%Y"),
        (today - invoice.due).num_days().max(0),
        today.format("%d/%m/%Y"),
    );
    let created = sqlx::query!(
        r#"insert into tickets (ticket_type, priority, dept_target, subject, description, related_customer_id,
                                related_invoice_id, source, created_by)
           values ('general_request', 'high', 'FIN', left($1, 300), $2, $3, $4, 'dso', app.uid())
           on conflict (related_invoice_id) where related_invoice_id is not null and status <> 'closed'
           do nothing
           returning id as "id!", ticket_code as "code!""#,
        subject,
        description,
        invoice.customer_id,
        id
    )
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(t) = created {
        return Ok(CollectionTicket {
            ticket_id: t.id,
            ticket_code: t.code,
            created: true,
        });
    }
    let open = sqlx::query!(
        r#"select id as "id!", ticket_code as "code!" from tickets
            where related_invoice_id = $1 and status <> 'closed'"#,
        id
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)?;
    Ok(CollectionTicket {
        ticket_id: open.id,
        ticket_code: open.code,
        created: false,
    })
}
