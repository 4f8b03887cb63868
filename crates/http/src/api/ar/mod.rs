//! Receivables and DSO (SPEC §4.7): invoices, payments and their allocation, the as-of
//! reports (outstanding, aging, DSO, my customers), statements of account, collection
//! tickets and the xlsx exports. Finance writes; the director and sales (their customers,
//! by RLS) read.

mod aging;
mod customer_lookup;
mod dso;
mod dto;
mod exports;
mod invoice_collection;
mod invoice_create;
mod invoice_get;
mod invoice_list;
mod invoice_void;
mod my_customers;
mod outstanding;
mod payment_allocate;
mod payment_create;
mod payment_list;
mod payment_reverse;
mod statement;

pub use aging::*;
pub use customer_lookup::*;
pub use dso::*;
pub use dto::*;
pub use exports::*;
pub use invoice_collection::*;
pub use invoice_create::*;
pub use invoice_get::*;
pub use invoice_list::*;
pub use invoice_void::*;
pub use my_customers::*;
pub use outstanding::*;
pub use payment_allocate::*;
pub use payment_create::*;
pub use payment_list::*;
pub use payment_reverse::*;
pub use statement::*;

use chrono::NaiveDate;
use domain::ClosedSet;
use persistence::UserPrincipal;

use crate::error::{ApiError, ApiResult};

/// 403 unless the role reads AR (SPEC §3).
pub(crate) fn require_reader(user: &UserPrincipal) -> ApiResult<()> {
    if domain::ar::reads_ar(user.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// 403 unless the role records invoices and payments.
pub(crate) fn require_writer(user: &UserPrincipal) -> ApiResult<()> {
    if domain::ar::writes_ar(user.role) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// A payment write's error as the API reports it.
pub(crate) fn payment_error(err: persistence::ar::payments::PaymentError) -> ApiError {
    match err {
        persistence::ar::payments::PaymentError::Fields(fields) => ApiError::Validation(fields),
        persistence::ar::payments::PaymentError::Db(db) => db.into(),
    }
}

/// The report day: `as_of`, or today in Asia/Jakarta.
pub(crate) fn report_day(as_of: Option<NaiveDate>) -> NaiveDate {
    as_of.unwrap_or_else(domain::jakarta_today)
}

/// A comma-separated filter of closed-set values, each checked.
pub(crate) fn closed_list<T: ClosedSet>(field: &str, raw: Option<&str>) -> ApiResult<Vec<T>> {
    raw.unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            T::from_text(part).ok_or_else(|| {
                ApiError::validation(field, format!("must be one of: {}", T::choices()))
            })
        })
        .collect()
}

/// Registers the operations of this module (literal paths before `{id}`).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_invoices)
        .service(create_invoice)
        .service(get_invoice)
        .service(void_invoice)
        .service(open_collection_ticket)
        .service(list_payments)
        .service(create_payment)
        .service(allocate_payment)
        .service(reverse_payment)
        .service(ar_outstanding)
        .service(ar_aging)
        .service(ar_dso)
        .service(ar_my_customers)
        .service(ar_customers)
        .service(customer_statement)
        .service(export_invoices)
        .service(export_payments)
        .service(export_aging)
        .service(export_statement);
}
