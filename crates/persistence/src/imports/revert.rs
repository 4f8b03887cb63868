//! IMP-5: an import's inserts undone in one action (`app.import_revert`): records its
//! rows created are removed (customers and leads soft-deleted), records it only matched
//! or updated stay; all or nothing.

use uuid::Uuid;

use super::{get, ImportRecord};
use crate::{DbError, Tx};

/// Reverts the import; [`DbError::NotFound`] when it is not visible,
/// [`DbError::InvalidValue`] when it is running or reverted already,
/// [`DbError::ForeignKey`] when a created record is in use.
pub async fn revert(tx: &mut Tx, id: Uuid) -> Result<(i64, ImportRecord), DbError> {
    let removed = sqlx::query_scalar!(r#"select app.import_revert($1) as "n!""#, id)
        .fetch_one(&mut **tx)
        .await?;
    Ok((removed, get(tx, id).await?))
}
