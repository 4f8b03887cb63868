//! Stored files (evidence photos, attachments, documents): metadata rows of `files`; the
//! bytes live in object storage under `bucket/object_key`.

use chrono::{DateTime, Utc};
use sqlx::FromRow;
use uuid::Uuid;

use crate::{DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct FileRow {
    pub id: Uuid,
    pub bucket: String,
    pub object_key: String,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NewFile {
    pub id: Uuid,
    pub bucket: String,
    pub object_key: String,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_by: Uuid,
}

pub async fn insert(tx: &mut Tx, file: &NewFile) -> Result<(), DbError> {
    sqlx::query!(
        "insert into files (id, bucket, object_key, original_name, content_type, size_bytes, sha256, \
                            uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8)",
        file.id,
        file.bucket,
        file.object_key,
        file.original_name,
        file.content_type,
        file.size_bytes,
        file.sha256,
        file.uploaded_by,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A file the caller may read (RLS on `files`), else [`DbError::NotFound`].
pub async fn get(tx: &mut Tx, id: Uuid) -> Result<FileRow, DbError> {
    Ok(sqlx::query_as!(
        FileRow,
        r#"select id as "id!", bucket as "bucket!", object_key as "object_key!", original_name as "original_name!", content_type as "content_type!", size_bytes as "size_bytes!", sha256 as "sha256!", uploaded_by as "uploaded_by?",
                created_at as "created_at!" from files where id = $1"#,
        id,
    )
    .fetch_one(&mut **tx)
    .await?)
}
