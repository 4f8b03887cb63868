//! A ticket's messages and attachments.

use chrono::{DateTime, Utc};
use sqlx::FromRow;
use uuid::Uuid;

use crate::{DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct MessageRow {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub author_user_id: Option<Uuid>,
    pub author_name: Option<String>,
    pub comment_text: String,
    pub is_internal_note: bool,
    pub created_at: DateTime<Utc>,
}

pub(super) const SELECT_MESSAGE: &str = "select m.id, m.ticket_id, m.author_user_id, \
        (select p.full_name from profiles p where p.id = m.author_user_id) as author_name, \
        m.comment_text, m.is_internal_note, m.created_at \
   from ticket_messages m";

pub async fn messages(tx: &mut Tx, ticket: Uuid) -> Result<Vec<MessageRow>, DbError> {
    let sql = format!("{SELECT_MESSAGE} where m.ticket_id = $1 order by m.created_at, m.id");
    Ok(sqlx::query_as(&sql)
        .bind(ticket)
        .fetch_all(&mut **tx)
        .await?)
}

pub async fn add_message(
    tx: &mut Tx,
    ticket: Uuid,
    author: Uuid,
    text: &str,
    internal: bool,
) -> Result<MessageRow, DbError> {
    let id: Uuid = sqlx::query_scalar(
        "insert into ticket_messages (ticket_id, author_user_id, comment_text, is_internal_note) \
         values ($1, $2, $3, $4) returning id",
    )
    .bind(ticket)
    .bind(author)
    .bind(text)
    .bind(internal)
    .fetch_one(&mut **tx)
    .await?;
    let sql = format!("{SELECT_MESSAGE} where m.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_one(&mut **tx).await?)
}
#[derive(Debug, Clone, FromRow)]
pub struct AttachmentRow {
    pub id: Uuid,
    pub file_id: Uuid,
    pub original_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

pub(super) const SELECT_ATTACHMENT: &str =
    "select a.id, a.file_id, f.original_name, f.content_type, \
        f.size_bytes, a.uploaded_by, \
        (select p.full_name from profiles p where p.id = a.uploaded_by) as uploaded_by_name, \
        a.created_at \
   from ticket_attachments a left join files f on f.id = a.file_id";

pub async fn attachments(tx: &mut Tx, ticket: Uuid) -> Result<Vec<AttachmentRow>, DbError> {
    let sql = format!("{SELECT_ATTACHMENT} where a.ticket_id = $1 order by a.created_at, a.id");
    Ok(sqlx::query_as(&sql)
        .bind(ticket)
        .fetch_all(&mut **tx)
        .await?)
}

/// Attaches a file the caller uploaded to `ticket-attachments` (RLS checks both).
pub async fn add_attachment(
    tx: &mut Tx,
    ticket: Uuid,
    file: Uuid,
    by: Uuid,
) -> Result<AttachmentRow, DbError> {
    let id: Uuid = sqlx::query_scalar(
        "insert into ticket_attachments (ticket_id, file_id, uploaded_by) values ($1, $2, $3) \
         returning id",
    )
    .bind(ticket)
    .bind(file)
    .bind(by)
    .fetch_one(&mut **tx)
    .await?;
    let sql = format!("{SELECT_ATTACHMENT} where a.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_one(&mut **tx).await?)
}
