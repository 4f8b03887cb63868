//! Changing a ticket as the caller (RLS and column privileges decide).

use sqlx::{Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{DbError, Tx};

/// Fields a PATCH may change; `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct TicketPatch {
    pub status: Option<String>,
    pub priority: Option<String>,
    pub assigned_to_user_id: Option<Option<Uuid>>,
    pub close_reason: Option<Option<String>>,
    pub inquiry_outcome: Option<Option<String>>,
}

/// Applies `patch` as the caller (RLS and column privileges decide); NotFound when the
/// ticket is invisible or not theirs to change.
pub async fn update(tx: &mut Tx, id: Uuid, patch: &TicketPatch) -> Result<(), DbError> {
    // Only the columns being changed: Operations may update just these (no updated_at;
    // a trigger sets it).
    let mut query = QueryBuilder::<Postgres>::new("update tickets set ");
    let mut set = query.separated(", ");
    if let Some(status) = &patch.status {
        set.push("status = ").push_bind_unseparated(status);
    }
    if let Some(priority) = &patch.priority {
        set.push("priority = ").push_bind_unseparated(priority);
    }
    if let Some(assignee) = &patch.assigned_to_user_id {
        set.push("assigned_to_user_id = ")
            .push_bind_unseparated(*assignee);
    }
    if let Some(reason) = &patch.close_reason {
        set.push("close_reason = ").push_bind_unseparated(reason);
    }
    if let Some(outcome) = &patch.inquiry_outcome {
        set.push("inquiry_outcome = ")
            .push_bind_unseparated(outcome);
    }
    query.push(" where id = ").push_bind(id);
    let done = query.build().execute(&mut **tx).await?;
    if done.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}
/// Whether `user` is an active account (an assignee must be).
pub async fn is_active_user(tx: &mut Tx, user: Uuid) -> Result<bool, DbError> {
    let active: Option<bool> =
        sqlx::query_scalar!("select is_active from profiles where id = $1", user,)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(active == Some(true))
}
