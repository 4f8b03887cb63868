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

/// The ticket's messages, oldest first; for callers without the customer's identity
/// (Operations, `identity` false) redacted of it through `v_ops_ticket_messages` (TCK-5).
pub async fn messages(
    tx: &mut Tx,
    ticket: Uuid,
    identity: bool,
) -> Result<Vec<MessageRow>, DbError> {
    if !identity {
        return Ok(sqlx::query_as!(
            MessageRow,
            r#"select m.id as "id!", m.ticket_id as "ticket_id!", m.author_user_id as "author_user_id?",
        (select p.full_name from profiles p where p.id = m.author_user_id) as "author_name?",
        m.comment_text as "comment_text!", m.is_internal_note as "is_internal_note!", m.created_at as "created_at!"
   from v_ops_ticket_messages m where m.ticket_id = $1 order by m.created_at, m.id"#,
            ticket,
        )
        .fetch_all(&mut **tx)
        .await?);
    }
    Ok(sqlx::query_as!(
        MessageRow,
        r#"select m.id as "id!", m.ticket_id as "ticket_id!", m.author_user_id as "author_user_id?",
        (select p.full_name from profiles p where p.id = m.author_user_id) as "author_name?",
        m.comment_text as "comment_text!", m.is_internal_note as "is_internal_note!", m.created_at as "created_at!"
   from ticket_messages m where m.ticket_id = $1 order by m.created_at, m.id"#,
        ticket,
    )
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
    let id: Uuid = sqlx::query_scalar!(
        "insert into ticket_messages (ticket_id, author_user_id, comment_text, is_internal_note) \
         values ($1, $2, $3, $4) returning id",
        ticket,
        author,
        text,
        internal,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(sqlx::query_as!(
        MessageRow,
        r#"select m.id as "id!", m.ticket_id as "ticket_id!", m.author_user_id as "author_user_id?",
        (select p.full_name from profiles p where p.id = m.author_user_id) as "author_name?",
        m.comment_text as "comment_text!", m.is_internal_note as "is_internal_note!", m.created_at as "created_at!"
   from ticket_messages m where m.id = $1"#,
        id,
    )
    .fetch_one(&mut **tx)
    .await?)
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

/// The files attached to the ticket, oldest first; for callers without the customer's
/// identity (Operations) their names redacted of it (TCK-5).
pub async fn attachments(
    tx: &mut Tx,
    ticket: Uuid,
    identity: bool,
) -> Result<Vec<AttachmentRow>, DbError> {
    if !identity {
        return Ok(sqlx::query_as!(
            AttachmentRow,
            r#"select a.id as "id!", a.file_id as "file_id!", a.original_name as "original_name?", a.content_type as "content_type?",
        a.size_bytes as "size_bytes?", a.uploaded_by as "uploaded_by?",
        (select p.full_name from profiles p where p.id = a.uploaded_by) as "uploaded_by_name?",
        a.created_at as "created_at!"
   from v_ops_ticket_attachments a where a.ticket_id = $1 order by a.created_at, a.id"#,
            ticket,
        )
        .fetch_all(&mut **tx)
        .await?);
    }
    Ok(sqlx::query_as!(
        AttachmentRow,
        r#"select a.id as "id!", a.file_id as "file_id!", f.original_name as "original_name?", f.content_type as "content_type?",
        f.size_bytes as "size_bytes?", a.uploaded_by as "uploaded_by?",
        (select p.full_name from profiles p where p.id = a.uploaded_by) as "uploaded_by_name?",
        a.created_at as "created_at!"
   from ticket_attachments a left join files f on f.id = a.file_id where a.ticket_id = $1 order by a.created_at, a.id"#,
        ticket,
    )
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
    let id: Uuid = sqlx::query_scalar!(
        "insert into ticket_attachments (ticket_id, file_id, uploaded_by) values ($1, $2, $3) \
         returning id",
        ticket,
        file,
        by,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(sqlx::query_as!(
        AttachmentRow,
        r#"select a.id as "id!", a.file_id as "file_id!", f.original_name as "original_name?", f.content_type as "content_type?",
        f.size_bytes as "size_bytes?", a.uploaded_by as "uploaded_by?",
        (select p.full_name from profiles p where p.id = a.uploaded_by) as "uploaded_by_name?",
        a.created_at as "created_at!"
   from ticket_attachments a left join files f on f.id = a.file_id where a.id = $1"#,
        id,
    )
    .fetch_one(&mut **tx)
    .await?)
}
