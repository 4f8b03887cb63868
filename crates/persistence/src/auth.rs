//! Sessions and credentials (AUTH-1, AUTH-2) through the authentication functions of the
//! database; see `migrations/*_platform_security.sql`.

use chrono::{DateTime, Utc};
use sqlx::Row;
use uuid::Uuid;

use crate::{DbError, Tx};

pub struct LoginAccount {
    pub user_id: Uuid,
    pub password_hash: String,
    pub is_active: bool,
}

pub async fn login_lookup(tx: &mut Tx, email: &str) -> Result<Option<LoginAccount>, DbError> {
    let row =
        sqlx::query("select user_id, password_hash, is_active from app.auth_login_lookup($1)")
            .bind(email)
            .fetch_optional(&mut **tx)
            .await?;
    row.map(|row| {
        Ok(LoginAccount {
            user_id: row.try_get("user_id")?,
            password_hash: row.try_get("password_hash")?,
            is_active: row.try_get("is_active")?,
        })
    })
    .transpose()
}

pub async fn start_session(
    tx: &mut Tx,
    user_id: Uuid,
    refresh_hash: &str,
    expires_at: DateTime<Utc>,
) -> Result<(), DbError> {
    sqlx::query("select app.auth_start_session($1, $2, $3)")
        .bind(user_id)
        .bind(refresh_hash)
        .bind(expires_at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rotation {
    Rotated(Uuid),
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
    let row = sqlx::query("select outcome, user_id from app.auth_rotate_refresh($1, $2, $3)")
        .bind(presented_hash)
        .bind(new_hash)
        .bind(expires_at)
        .fetch_one(&mut **tx)
        .await?;
    let outcome: String = row.try_get("outcome")?;
    let user_id: Option<Uuid> = row.try_get("user_id")?;
    Ok(match (outcome.as_str(), user_id) {
        ("rotated", Some(id)) => Rotation::Rotated(id),
        ("reused", _) => Rotation::Reused,
        _ => Rotation::Invalid,
    })
}

pub async fn end_session(tx: &mut Tx, refresh_hash: &str) -> Result<(), DbError> {
    sqlx::query("select app.auth_end_session($1)")
        .bind(refresh_hash)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn my_password_hash(tx: &mut Tx) -> Result<String, DbError> {
    let hash: Option<String> = sqlx::query_scalar("select app.auth_my_password_hash()")
        .fetch_one(&mut **tx)
        .await?;
    hash.ok_or(DbError::NotFound)
}

pub async fn revoke_user_sessions(tx: &mut Tx, user_id: Uuid) -> Result<(), DbError> {
    sqlx::query("select app.auth_revoke_user_sessions($1)")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
