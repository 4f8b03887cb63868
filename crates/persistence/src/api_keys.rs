//! API keys for machines (AUTH-4). Only the SHA-256 of a key is stored.

use chrono::{DateTime, Utc};
use sqlx::FromRow;
use uuid::Uuid;

use crate::{DbError, Page, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct ApiKeyRow {
    pub id: Uuid,
    pub name: String,
    pub key_prefix: String,
    pub scopes: Vec<String>,
    pub rate_limit_per_minute: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

pub async fn list(
    tx: &mut Tx,
    include_revoked: bool,
    limit: i64,
    offset: i64,
) -> Result<Page<ApiKeyRow>, DbError> {
    let total = sqlx::query_scalar!(
        r#"select count(*) as "n!" from api_keys where $1 or revoked_at is null"#,
        include_revoked,
    )
    .fetch_one(&mut **tx)
    .await?;
    let rows = sqlx::query_as!(
        ApiKeyRow,
        r#"select id as "id!", name as "name!", key_prefix as "key_prefix!", scopes as "scopes!", rate_limit_per_minute as "rate_limit_per_minute!", created_by as "created_by?", created_at as "created_at!", last_used_at as "last_used_at?", revoked_at as "revoked_at?"
           from api_keys where $1 or revoked_at is null
          order by revoked_at nulls first, created_at desc, id limit $2 offset $3"#,
        include_revoked,
        limit,
        offset,
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(Page {
        rows,
        total,
        capped: false,
    })
}

pub struct NewApiKey<'a> {
    pub name: &'a str,
    pub key_prefix: &'a str,
    pub key_hash: &'a str,
    pub scopes: &'a [String],
    pub rate_limit_per_minute: i32,
    pub created_by: Option<Uuid>,
}

pub async fn insert(tx: &mut Tx, key: &NewApiKey<'_>) -> Result<ApiKeyRow, DbError> {
    Ok(sqlx::query_as!(
        ApiKeyRow,
        r#"insert into api_keys (name, key_prefix, key_hash, scopes, created_by, rate_limit_per_minute)
         values ($1, $2, $3, $4, $5, $6)
         returning id as "id!", name as "name!", key_prefix as "key_prefix!", scopes as "scopes!", rate_limit_per_minute as "rate_limit_per_minute!", created_by as "created_by?", created_at as "created_at!", last_used_at as "last_used_at?", revoked_at as "revoked_at?""#,
        key.name,
        key.key_prefix,
        key.key_hash,
        key.scopes,
        key.created_by,
        key.rate_limit_per_minute,
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// Revokes a key; revoking twice keeps the first revocation time.
pub async fn revoke(tx: &mut Tx, id: Uuid) -> Result<(), DbError> {
    let result = sqlx::query!(
        "update api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1",
        id
    )
    .execute(&mut **tx)
    .await?;
    if result.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}
