//! Sessions and credentials (AUTH-1, AUTH-2) through the authentication functions of the
//! database; see `migrations/*_platform_security.sql`.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::{DbError, Tx};

pub struct LoginAccount {
    pub user_id: Uuid,
    pub password_hash: String,
    pub is_active: bool,
}

pub async fn login_lookup(tx: &mut Tx, email: &str) -> Result<Option<LoginAccount>, DbError> {
    Ok(sqlx::query_as!(
        LoginAccount,
        r#"select user_id as "user_id!", password_hash as "password_hash!", is_active as "is_active!"
             from app.auth_login_lookup($1)"#,
        email,
    )
    .fetch_optional(&mut **tx)
    .await?)
}

/// Starts a session (a new refresh-token family) and returns its id, which access tokens
/// carry. [`DbError::Unauthenticated`] when the account is not active.
pub async fn start_session(
    tx: &mut Tx,
    user_id: Uuid,
    refresh_hash: &str,
    expires_at: DateTime<Utc>,
) -> Result<Uuid, DbError> {
    let session = sqlx::query_scalar!(
        "select app.auth_start_session($1, $2, $3)",
        user_id,
        refresh_hash,
        expires_at,
    )
    .fetch_one(&mut **tx)
    .await?;
    session.ok_or(DbError::Unauthenticated)
}

/// A rotated session: its user and its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub user_id: Uuid,
    pub session_id: Uuid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rotation {
    Rotated(Session),
    /// An already used token was presented again: its family is now revoked.
    Reused,
    Invalid,
}

pub async fn rotate_refresh(
    tx: &mut Tx,
    presented_hash: &str,
    new_hash: &str,
    expires_at: DateTime<Utc>,
) -> Result<Rotation, DbError> {
    let row = sqlx::query!(
        r#"select outcome as "outcome!", user_id, session_id from app.auth_rotate_refresh($1, $2, $3)"#,
        presented_hash,
        new_hash,
        expires_at,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(match (row.outcome.as_str(), row.user_id, row.session_id) {
        ("rotated", Some(user_id), Some(session_id)) => Rotation::Rotated(Session {
            user_id,
            session_id,
        }),
        ("reused", ..) => Rotation::Reused,
        _ => Rotation::Invalid,
    })
}

pub async fn end_session(tx: &mut Tx, refresh_hash: &str) -> Result<(), DbError> {
    sqlx::query!("select app.auth_end_session($1)", refresh_hash)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn my_password_hash(tx: &mut Tx) -> Result<String, DbError> {
    let hash = sqlx::query_scalar!("select app.auth_my_password_hash()")
        .fetch_one(&mut **tx)
        .await?;
    hash.ok_or(DbError::NotFound)
}

pub async fn revoke_user_sessions(tx: &mut Tx, user_id: Uuid) -> Result<(), DbError> {
    sqlx::query!("select app.auth_revoke_user_sessions($1)", user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
