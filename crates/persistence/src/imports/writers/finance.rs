//! Invoices and payments (finance). Issued invoices and received payments are not
//! edited by an import: a row whose natural key (customer + invoice number, customer +
//! payment reference) exists with the same content is `matched`, with other content it
//! is refused. A payment naming an invoice is allocated up to what is open on it.

use std::collections::HashMap;

use chrono::NaiveDate;
use domain::{
    imports::{
        records::{InvoiceRecord, PaymentRecord},
        RowAction,
    },
    jakarta_today,
    money::cents_text,
    money::text_cents,
};
use uuid::Uuid;

use super::{
    refs::{customer_matches, one_customer, Identifiers},
    Outcome,
};
use crate::{DbError, Tx, UserPrincipal};

/// Resolves each row's customer; the refused rows go straight to `out`.
async fn customers_of<R>(
    tx: &mut Tx,
    rows: &[(i32, R)],
    reference: fn(&R) -> &domain::imports::records::CustomerRef,
    out: &mut Vec<(i32, Outcome)>,
) -> Result<Vec<(i32, Uuid)>, DbError> {
    let ids: Vec<(i32, Identifiers)> = rows
        .iter()
        .map(|(n, r)| (*n, Identifiers::from(reference(r))))
        .collect();
    let matches = customer_matches(tx, &ids).await?;
    let mut resolved = Vec::with_capacity(rows.len());
    for (n, ids) in &ids {
        match one_customer(matches.get(n), ids, true) {
            Ok(Some(customer)) => resolved.push((*n, customer)),
            Ok(None) => out.push((
                *n,
                Outcome::refused(
                    "customer",
                    "pelanggan tidak ditemukan",
                    "customer not found",
                ),
            )),
            Err(refused) => out.push((*n, refused)),
        }
    }
    Ok(resolved)
}

fn same_key_as(row: i32, first: i32, what_id: &str, what_en: &str) -> (i32, Outcome) {
    (
        row,
        Outcome::refused(
            what_en,
            format!("{what_id} sama dengan baris {first}"),
            format!("same {what_en} as row {first}"),
        ),
    )
}

pub(super) async fn write_invoices(
    tx: &mut Tx,
    user: &UserPrincipal,
    rows: &[(i32, InvoiceRecord)],
) -> Result<Vec<(i32, Outcome)>, DbError> {
    let mut out = Vec::with_capacity(rows.len());
    let customers = customers_of(tx, rows, |r| &r.customer, &mut out).await?;
    let by_row: HashMap<i32, &InvoiceRecord> = rows.iter().map(|(n, r)| (*n, r)).collect();
    let mut seen: HashMap<(Uuid, String), i32> = HashMap::new();
    let mut keyed = Vec::new();
    for (n, customer) in customers {
        let record = by_row[&n];
        let key = (customer, record.invoice_number.clone());
        if let Some(first) = seen.get(&key) {
            out.push(same_key_as(n, *first, "nomor faktur", "invoice_number"));
            continue;
        }
        seen.insert(key, n);
        keyed.push((n, customer, record));
    }
    let existing = sqlx::query!(
        r#"select i.id, i.customer_id, i.invoice_number as "invoice_number!", i.invoice_date, i.due_date,
                  i.amount::text as "amount!", i.voided_at is not null as "voided!"
             from invoices i
             join unnest($1::uuid[], $2::text[]) as k(customer_id, invoice_number)
               on i.customer_id = k.customer_id and i.invoice_number = k.invoice_number"#,
        &keyed.iter().map(|(_, c, _)| *c).collect::<Vec<_>>(),
        &keyed.iter().map(|(_, _, r)| r.invoice_number.clone()).collect::<Vec<_>>(),
    )
    .fetch_all(&mut **tx)
    .await?;
    let existing: HashMap<(Uuid, String), _> = existing
        .into_iter()
        .map(|e| ((e.customer_id, e.invoice_number.clone()), e))
        .collect();
    let mut new = Vec::new();
    for (n, customer, r) in keyed {
        match existing.get(&(customer, r.invoice_number.clone())) {
            Some(e) if e.voided => out.push((n, Outcome::refused(
                "invoice_number",
                format!("faktur {} sudah dibatalkan (void)", r.invoice_number),
                format!("invoice {} was voided", r.invoice_number),
            ))),
            Some(e) if e.invoice_date == r.invoice_date && e.due_date == r.due_date
                && text_cents(&e.amount) == Some(r.amount.cents()) =>
            {
                out.push((n, Outcome::Written { target_id: e.id, action: RowAction::Matched }));
            }
            Some(e) => out.push((n, Outcome::refused(
                "invoice_number",
                format!("faktur {} sudah ada dengan tanggal/jumlah berbeda ({}); batalkan dulu jika salah", r.invoice_number, e.amount),
                format!("invoice {} already exists with other dates/amount ({}); void it first if it is wrong", r.invoice_number, e.amount),
            ))),
            None => new.push((n, customer, r)),
        }
    }
    let inserted = sqlx::query!(
        r#"insert into invoices (customer_id, invoice_number, invoice_date, due_date, amount, description, created_by)
           select c, num, d, due, a::numeric, descr, $7
             from unnest($1::uuid[], $2::text[], $3::date[], $4::date[], $5::text[], $6::text[])
                  as t(c, num, d, due, a, descr)
           returning id, customer_id, invoice_number as "invoice_number!""#,
        &new.iter().map(|(_, c, _)| *c).collect::<Vec<_>>(),
        &new.iter().map(|(_, _, r)| r.invoice_number.clone()).collect::<Vec<_>>(),
        &new.iter().map(|(_, _, r)| r.invoice_date).collect::<Vec<NaiveDate>>(),
        &new.iter().map(|(_, _, r)| r.due_date).collect::<Vec<NaiveDate>>(),
        &new.iter().map(|(_, _, r)| r.amount.as_str().to_owned()).collect::<Vec<_>>(),
        &new.iter().map(|(_, _, r)| r.description.clone()).collect::<Vec<_>>() as &[Option<String>],
        user.id,
    )
    .fetch_all(&mut **tx)
    .await?;
    let ids: HashMap<(Uuid, String), Uuid> = inserted
        .into_iter()
        .map(|r| ((r.customer_id, r.invoice_number), r.id))
        .collect();
    for (n, customer, r) in new {
        if let Some(id) = ids.get(&(customer, r.invoice_number.clone())) {
            out.push((
                n,
                Outcome::Written {
                    target_id: *id,
                    action: RowAction::Created,
                },
            ));
        }
    }
    Ok(out)
}

pub(super) async fn write_payments(
    tx: &mut Tx,
    user: &UserPrincipal,
    rows: &[(i32, PaymentRecord)],
) -> Result<Vec<(i32, Outcome)>, DbError> {
    let mut out = Vec::with_capacity(rows.len());
    let today = jakarta_today();
    let (future, rows): (Vec<_>, Vec<_>) = rows
        .iter()
        .cloned()
        .partition(|(_, r)| r.payment_date > today);
    for (n, _) in future {
        out.push((
            n,
            Outcome::refused(
                "payment_date",
                "tanggal bayar di masa depan",
                "the payment date is in the future",
            ),
        ));
    }
    let customers = customers_of(tx, &rows, |r| &r.customer, &mut out).await?;
    let by_row: HashMap<i32, &PaymentRecord> = rows.iter().map(|(n, r)| (*n, r)).collect();
    let mut seen: HashMap<(Uuid, String), i32> = HashMap::new();
    let mut keyed = Vec::new();
    for (n, customer) in customers {
        let record = by_row[&n];
        let key = (customer, record.reference.clone());
        if let Some(first) = seen.get(&key) {
            out.push(same_key_as(n, *first, "no referensi", "reference"));
            continue;
        }
        seen.insert(key, n);
        keyed.push((n, customer, record));
    }
    let customer_ids: Vec<Uuid> = keyed.iter().map(|(_, c, _)| *c).collect();
    let existing = sqlx::query!(
        r#"select p.id, p.customer_id, p.reference as "reference!", p.payment_date, p.amount::text as "amount!"
             from payments p
             join unnest($1::uuid[], $2::text[]) as k(customer_id, reference)
               on p.customer_id = k.customer_id and p.reference = k.reference"#,
        &customer_ids,
        &keyed.iter().map(|(_, _, r)| r.reference.clone()).collect::<Vec<_>>(),
    )
    .fetch_all(&mut **tx)
    .await?;
    let existing: HashMap<(Uuid, String), _> = existing
        .into_iter()
        .map(|e| ((e.customer_id, e.reference.clone()), e))
        .collect();
    let invoices = sqlx::query!(
        r#"select i.id, i.customer_id, i.invoice_number as "invoice_number!",
                  (i.amount - i.allocated)::text as "open!", i.voided_at is not null as "voided!"
             from invoices i
             join unnest($1::uuid[], $2::text[]) as k(customer_id, invoice_number)
               on i.customer_id = k.customer_id and i.invoice_number = k.invoice_number"#,
        &customer_ids,
        &keyed
            .iter()
            .map(|(_, _, r)| r.invoice_number.clone().unwrap_or_default())
            .collect::<Vec<_>>(),
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut open: HashMap<(Uuid, String), (Uuid, i128, bool)> = invoices
        .into_iter()
        .map(|i| {
            (
                (i.customer_id, i.invoice_number),
                (i.id, text_cents(&i.open).unwrap_or(0), i.voided),
            )
        })
        .collect();
    let mut new = Vec::new();
    for (n, customer, r) in keyed {
        if let Some(e) = existing.get(&(customer, r.reference.clone())) {
            if e.payment_date == r.payment_date && text_cents(&e.amount) == Some(r.amount.cents()) {
                out.push((
                    n,
                    Outcome::Written {
                        target_id: e.id,
                        action: RowAction::Matched,
                    },
                ));
            } else {
                out.push((
                    n,
                    Outcome::refused(
                        "reference",
                        format!(
                            "pembayaran {} sudah ada dengan tanggal/jumlah berbeda ({})",
                            r.reference, e.amount
                        ),
                        format!(
                            "payment {} already exists with another date/amount ({})",
                            r.reference, e.amount
                        ),
                    ),
                ));
            }
            continue;
        }
        let allocation = match &r.invoice_number {
            None => None,
            Some(number) => match open.get_mut(&(customer, number.clone())) {
                None => {
                    out.push((
                        n,
                        Outcome::refused(
                            "invoice_number",
                            format!("faktur {number} tidak ditemukan untuk pelanggan ini"),
                            format!("invoice {number} was not found for this customer"),
                        ),
                    ));
                    continue;
                }
                Some((_, _, true)) => {
                    out.push((
                        n,
                        Outcome::refused(
                            "invoice_number",
                            format!("faktur {number} sudah dibatalkan"),
                            format!("invoice {number} was voided"),
                        ),
                    ));
                    continue;
                }
                Some((invoice, left, false)) => {
                    let applied = (*left).min(r.amount.cents());
                    *left -= applied;
                    (applied > 0).then_some((*invoice, applied))
                }
            },
        };
        new.push((n, customer, r, allocation));
    }
    let inserted = sqlx::query!(
        r#"insert into payments (customer_id, payment_date, amount, method, reference, created_by)
           select c, d, a::numeric, m, ref, $6
             from unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $5::text[]) as t(c, d, a, m, ref)
           returning id, customer_id, reference as "reference!""#,
        &new.iter().map(|(_, c, _, _)| *c).collect::<Vec<_>>(),
        &new.iter().map(|(_, _, r, _)| r.payment_date).collect::<Vec<NaiveDate>>(),
        &new.iter().map(|(_, _, r, _)| r.amount.as_str().to_owned()).collect::<Vec<_>>(),
        &new.iter().map(|(_, _, r, _)| r.method.clone()).collect::<Vec<_>>(),
        &new.iter().map(|(_, _, r, _)| r.reference.clone()).collect::<Vec<_>>(),
        user.id,
    )
    .fetch_all(&mut **tx)
    .await?;
    let ids: HashMap<(Uuid, String), Uuid> = inserted
        .into_iter()
        .map(|r| ((r.customer_id, r.reference), r.id))
        .collect();
    let mut allocations: (Vec<Uuid>, Vec<Uuid>, Vec<Uuid>, Vec<String>) = Default::default();
    for (n, customer, r, allocation) in new {
        let Some(id) = ids.get(&(customer, r.reference.clone())) else {
            continue;
        };
        if let Some((invoice, cents)) = allocation {
            allocations.0.push(*id);
            allocations.1.push(invoice);
            allocations.2.push(customer);
            allocations.3.push(cents_text(cents));
        }
        out.push((
            n,
            Outcome::Written {
                target_id: *id,
                action: RowAction::Created,
            },
        ));
    }
    sqlx::query!(
        "insert into payment_allocations (payment_id, invoice_id, customer_id, amount, created_by)
         select p, i, c, a::numeric, $5 from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) as t(p, i, c, a)",
        &allocations.0,
        &allocations.1,
        &allocations.2,
        &allocations.3,
        user.id,
    )
    .execute(&mut **tx)
    .await?;
    Ok(out)
}
