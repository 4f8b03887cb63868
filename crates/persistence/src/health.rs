//! Readiness: is the database reachable and its schema current?

use crate::{DbError, Tx};

/// The newest migration applied to the database.
pub async fn schema_version(tx: &mut Tx) -> Result<Option<i64>, DbError> {
    Ok(sqlx::query_scalar!("select app.schema_version()")
        .fetch_one(&mut **tx)
        .await?)
}
