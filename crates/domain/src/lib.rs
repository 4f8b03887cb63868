//! Pure business types and rules of Command Center: no I/O, no database, no HTTP.
//!
//! Every type here can only hold a valid value (`parse`, `TryFrom`), so the layers above
//! never re-check what the type already guarantees.

pub mod ar;
pub mod auth;
pub mod closed_set;
pub mod crm;
pub mod department;
pub mod email;
pub mod errors;
pub mod files;
pub mod imports;
pub mod kpi;
pub mod list;
pub mod me_report;
pub mod money;
pub mod news;
pub mod notifications;
pub mod role;
pub mod tickets;
pub mod user_events;
pub mod wa_analytics;
pub mod whatsapp;

pub use closed_set::{ClosedSet, NotInSet};

/// A value held as its normalised text (an e-mail, phone, NPWP or company key): what is
/// stored and compared, so persistence binds it as text without turning it back into a
/// `String` first.
pub trait NormalisedText {
    fn as_text(&self) -> &str;
}

impl<T: NormalisedText + ?Sized> NormalisedText for &T {
    fn as_text(&self) -> &str {
        (**self).as_text()
    }
}
pub use department::Department;
pub use email::Email;
pub use errors::FieldErrors;
pub use role::{Capability, Menu, Role};

/// Today's date in Asia/Jakarta (UTC+7, no daylight saving), the company's calendar.
pub fn jakarta_today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive()
}
