//! Each module's target, written set-based per batch: references resolved with one
//! query, natural keys looked up with one query, new records inserted with one
//! `INSERT … SELECT FROM unnest(…)`. A batch the database refuses as a whole (a
//! constraint, a row-level security check) is retried row by row under savepoints, so
//! only the offending rows fail.

mod customers;
mod finance;
mod kpi;
mod leads;
mod marketing;
mod refs;

use domain::imports::{
    cells::NumberStyle,
    fields::FieldSpec,
    records::{
        CustomerRecord, InvoiceRecord, KpiEntryRecord, LeadRecord, PaymentRecord, ProductRecord,
        RowInput, SpendRecord,
    },
    sheet::Cell,
    ImportModule, RowAction, RowError,
};
use uuid::Uuid;

use super::{gate::Ticket, run::Settled};
use crate::{DbError, Tx, UserPrincipal};

/// What became of one row.
#[derive(Debug, Clone)]
pub enum Outcome {
    Written { target_id: Uuid, action: RowAction },
    Refused(Vec<RowError>),
}

impl Outcome {
    pub(crate) fn refused(field: &str, id: impl Into<String>, en: impl Into<String>) -> Self {
        Self::Refused(vec![RowError::new(field, id, en)])
    }
}

type Read<R> = fn(RowInput<'_>) -> Result<R, Vec<RowError>>;

/// Validates the rows of a batch: the records, and the refused rows' outcomes.
fn validate<R>(
    rows: &[(i32, Vec<Cell>)],
    columns: &[Option<&'static FieldSpec>],
    styles: &[Option<NumberStyle>],
    read: Read<R>,
) -> (Vec<(i32, R)>, Vec<Settled>) {
    let mut valid = Vec::with_capacity(rows.len());
    let mut refused = Vec::new();
    for (row_number, cells) in rows {
        let input = RowInput {
            cells,
            columns,
            styles,
        };
        match read(input) {
            Ok(record) => valid.push((*row_number, record)),
            Err(errors) => refused.push(Settled {
                row_number: *row_number,
                outcome: Outcome::Refused(errors),
            }),
        }
    }
    (valid, refused)
}

/// The message of a database refusal, for the row.
fn refusal(err: &DbError) -> Outcome {
    match err {
        DbError::PermissionDenied(_) => Outcome::refused(
            "row",
            "Anda tidak berhak menulis data ini",
            "you may not write this record",
        ),
        other => Outcome::refused(
            "row",
            format!("ditolak database: {other}"),
            format!("refused by the database: {other}"),
        ),
    }
}

fn row_level(err: &DbError) -> bool {
    matches!(
        err,
        DbError::Unique { .. }
            | DbError::ForeignKey { .. }
            | DbError::Check { .. }
            | DbError::Exclusion { .. }
            | DbError::PermissionDenied(_)
            | DbError::InvalidValue(_)
    )
}

async fn savepoint(tx: &mut Tx, sql: &'static str) -> Result<(), DbError> {
    sqlx::query(sql).execute(&mut **tx).await?;
    Ok(())
}

/// Writes `valid` with `$write`; when the database refuses the batch, row by row.
macro_rules! write_with_fallback {
    ($tx:expr, $user:expr, $valid:expr, $write:path) => {{
        let tx: &mut Tx = $tx;
        savepoint(tx, "savepoint import_batch").await?;
        match $write(tx, $user, &$valid).await {
            Ok(outcomes) => {
                savepoint(tx, "release savepoint import_batch").await?;
                outcomes
            }
            Err(err) if row_level(&err) => {
                savepoint(tx, "rollback to savepoint import_batch").await?;
                let mut outcomes = Vec::with_capacity($valid.len());
                for row in $valid.iter().cloned() {
                    savepoint(tx, "savepoint import_row").await?;
                    let row_number = row.0;
                    match $write(tx, $user, std::slice::from_ref(&row)).await {
                        Ok(mut one) => {
                            savepoint(tx, "release savepoint import_row").await?;
                            outcomes.append(&mut one);
                        }
                        Err(err) if row_level(&err) => {
                            savepoint(tx, "rollback to savepoint import_row").await?;
                            outcomes.push((row_number, refusal(&err)));
                        }
                        Err(err) => return Err(err),
                    }
                }
                outcomes
            }
            Err(err) => return Err(err),
        }
    }};
}

/// Validates and writes one batch of `module`. With a `ticket`, the batch runs beside
/// another one: it names its natural keys and waits as the gate says; `None` when it
/// must run again alone later.
pub(super) async fn write(
    tx: &mut Tx,
    module: ImportModule,
    user: &UserPrincipal,
    rows: &[(i32, Vec<Cell>)],
    columns: &[Option<&'static FieldSpec>],
    styles: &[Option<NumberStyle>],
    ticket: Option<&Ticket>,
) -> Result<Option<Vec<Settled>>, DbError> {
    macro_rules! module {
        ($record:ty, $write:path) => {
            module!($record, $write, |_: &$record| Vec::new())
        };
        ($record:ty, $write:path, $keys:expr) => {{
            let (valid, mut settled) = validate(rows, columns, styles, <$record>::read);
            if let Some(ticket) = ticket {
                let keys: Vec<String> = valid.iter().flat_map(|(_, r)| $keys(r)).collect();
                if !ticket.enter(keys).await {
                    return Ok(None);
                }
            }
            let outcomes = write_with_fallback!(tx, user, valid, $write);
            settled.extend(outcomes.into_iter().map(|(row_number, outcome)| Settled {
                row_number,
                outcome,
            }));
            settled
        }};
    }
    Ok(Some(match module {
        ImportModule::Leads => module!(LeadRecord, leads::write, leads::keys),
        ImportModule::Customers => module!(CustomerRecord, customers::write),
        ImportModule::Invoices => module!(
            InvoiceRecord,
            finance::write_invoices,
            |r: &InvoiceRecord| { vec![r.invoice_number.clone()] }
        ),
        ImportModule::Payments => module!(PaymentRecord, finance::write_payments),
        ImportModule::KpiEntries => module!(KpiEntryRecord, kpi::write),
        ImportModule::MarketingSpend => module!(SpendRecord, marketing::write_spend),
        ImportModule::Products => module!(ProductRecord, marketing::write_products),
    }))
}

/// How many batches of `module` may be in flight at once: two for the modules whose
/// natural keys the batches name (invoices, leads), one for the others.
pub(super) fn width(module: ImportModule) -> usize {
    match module {
        ImportModule::Invoices | ImportModule::Leads => 2,
        _ => 1,
    }
}

/// How many of the import's ok rows point at a record that exists (IMP-5).
pub(super) async fn committed(tx: &mut Tx, module: ImportModule, id: Uuid) -> Result<i64, DbError> {
    let ids = sqlx::query_scalar!(
        r#"select coalesce(array_agg(target_id), '{}') as "ids!" from import_rows
            where import_id = $1 and status = 'ok'"#,
        id
    )
    .fetch_one(&mut **tx)
    .await?;
    // Customers through a count the importer may not read (a matched customer of another
    // owner); the other targets are the importer's to read.
    Ok(sqlx::query_scalar!(
        r#"select case $1::text
                    when 'customers' then app.import_existing_customers($2)
                    when 'leads' then (select count(*) from leads where id = any($2))
                    when 'invoices' then (select count(*) from invoices where id = any($2))
                    when 'payments' then (select count(*) from payments where id = any($2))
                    when 'kpi_entries' then (select count(*) from kpi_entries where id = any($2))
                    when 'marketing_spend' then (select count(*) from marketing_spend where id = any($2))
                    when 'products' then (select count(*) from products where id = any($2))
                  end as "n!""#,
        module.as_str(),
        &ids
    )
    .fetch_one(&mut **tx)
    .await?)
}
