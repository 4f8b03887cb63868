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
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str =
    "id, name, key_prefix, scopes, created_by, created_at, last_used_at, revoked_at";

pub async fn list(
    tx: &mut Tx,
    include_revoked: bool,
    limit: i64,
    offset: i64,
) -> Result<Page<ApiKeyRow>, DbError> {
    let total: i64 =
        sqlx::query_scalar("select count(*) from api_keys where $1 or revoked_at is null")
            .bind(include_revoked)
            .fetch_one(&mut **tx)
            .await?;
    let sql = format!(
        "select {COLUMNS} from api_keys where $1 or revoked_at is null \
         order by revoked_at nulls first, created_at desc, id limit $2 offset $3"
    );
    let rows = sqlx::query_as(&sql)
        .bind(include_revoked)
        .bind(limit)
        .bind(offset)
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
    pub created_by: Option<Uuid>,
}

pub async fn insert(tx: &mut Tx, key: &NewApiKey<'_>) -> Result<ApiKeyRow, DbError> {
    let sql = format!(
        "insert into api_keys (name, key_prefix, key_hash, scopes, created_by) \
         values ($1, $2, $3, $4, $5) returning {COLUMNS}"
    );
    Ok(sqlx::query_as(&sql)
        .bind(key.name)
        .bind(key.key_prefix)
        .bind(key.key_hash)
        .bind(key.scopes)
        .bind(key.created_by)
        .fetch_one(&mut **tx)
        .await?)
}

/// Revokes a key; revoking twice keeps the first revocation time.
pub async fn revoke(tx: &mut Tx, id: Uuid) -> Result<(), DbError> {
    let result =
        sqlx::query("update api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1")
            .bind(id)
            .execute(&mut **tx)
            .await?;
    if result.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}
