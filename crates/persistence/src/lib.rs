//! Database access of Command Center: the pool, the per-request security context and the
//! repositories and service functions of every module.
//!
//! The only way to run request work is [`Db::begin`]: it opens a transaction that runs as
//! the caller's PostgreSQL role with the caller's identity set, so row-level security
//! decides what the work can see and change.

mod context;
mod error;
mod stored;

pub mod api_keys;
pub mod ar;
pub mod audit;
pub mod auth;
pub mod broadcasts;
pub mod crm;
pub mod dashboard;
pub mod events;
pub mod files;
pub mod health;
pub mod idempotency;
pub mod ids;
pub mod imports;
pub mod intake;
pub mod jobs;
pub mod kpi;
pub mod list;
pub mod me_report;
pub mod news;
pub mod notifications;
pub mod reference;
pub mod sla_calendar;
pub mod tickets;
pub mod user_events;
pub mod users;
pub mod wa_analytics;
pub mod whatsapp;

pub use context::{
    ApiKeyPrincipal, Db, DbSettings, Identity, Principal, RequestContext, Tx, UserPrincipal,
};
pub use error::DbError;
pub use stored::{Normalised, Stored};

/// The migrations of `migrations/`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

/// The newest migration this binary knows.
pub fn latest_migration() -> Option<i64> {
    MIGRATOR.iter().map(|m| m.version).max()
}

/// Rows of one page of a list plus the total over all pages.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: i64,
    /// More rows match than were counted: `total` is [`list::COUNT_CAP`].
    pub capped: bool,
}

/// Commits a request transaction.
pub async fn commit(tx: Tx) -> Result<(), DbError> {
    tx.commit().await.map_err(DbError::from)
}
