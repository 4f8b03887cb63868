//! Receivables (SPEC §4.7): invoices, payments and their allocations, the as-of reports
//! (outstanding, aging, DSO movements), statements of account and collection tickets.
//! Amounts cross this layer as decimal text (`numeric::text`), never floats.

pub mod book;
pub mod collection;
pub mod customers;
pub mod invoices;
pub mod payments;
pub mod reports;
pub mod statement;

/// Cents of a `numeric::text` value the database produced; 0 when it is not one (which
/// the database never sends).
pub(crate) fn cents(text: &str) -> i128 {
    domain::money::text_cents(text).unwrap_or(0)
}
