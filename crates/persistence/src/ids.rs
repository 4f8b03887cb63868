//! PLT-ID: human-readable codes such as `LEAD-2026-000123`.

use crate::{DbError, Tx};

pub async fn next_prefixed_id(tx: &mut Tx, prefix: &str) -> Result<String, DbError> {
    Ok(
        sqlx::query_scalar!(r#"select next_prefixed_id($1) as "id!""#, prefix)
            .fetch_one(&mut **tx)
            .await?,
    )
}
