//! NTF-1 e-mail outbox (worker only): mails queued with their notification, claimed in
//! batches, sent outside any transaction, then marked sent or retried with backoff.

use domain::notifications::EmailLanguage;
use uuid::Uuid;

use crate::{DbError, Stored, Tx};

/// A queued mail the worker is about to send.
#[derive(Debug, Clone)]
pub struct OutboxMail {
    pub id: Uuid,
    pub to_address: String,
    pub language: EmailLanguage,
    pub subject: String,
    pub body_text: String,
    pub link: Option<String>,
    /// Tries so far, this one included.
    pub attempts: i32,
}

/// Claims up to `batch` due mails: each counts one more attempt and is not due again for
/// `lease_seconds`, so a worker that dies while sending leaves it to a later run.
pub async fn claim_due_mail(
    tx: &mut Tx,
    batch: i64,
    lease_seconds: i32,
) -> Result<Vec<OutboxMail>, DbError> {
    let rows = sqlx::query!(
        r#"with due as (
             select id from email_outbox
              where status = 'pending' and next_attempt_at <= now()
              order by next_attempt_at, id limit $1 for update skip locked)
           update email_outbox o
              set attempts = o.attempts + 1,
                  next_attempt_at = now() + make_interval(secs => $2)
             from due where o.id = due.id
           returning o.id, o.to_address::text as "to_address!",
                     o.language as "language: Stored<EmailLanguage>", o.subject, o.body_text,
                     o.link, o.attempts"#,
        batch,
        f64::from(lease_seconds),
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| OutboxMail {
            id: r.id,
            to_address: r.to_address,
            language: r.language.0,
            subject: r.subject,
            body_text: r.body_text,
            link: r.link,
            attempts: r.attempts,
        })
        .collect())
}

pub async fn mark_mail_sent(tx: &mut Tx, id: Uuid) -> Result<(), DbError> {
    sqlx::query!(
        "update email_outbox set status = 'sent', sent_at = now(), last_error = null where id = $1",
        id
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A failed try: due again after `retry_in_seconds`, or `failed` for good once
/// `max_attempts` tries have been made.
pub async fn mark_mail_failed(
    tx: &mut Tx,
    id: Uuid,
    error: &str,
    retry_in_seconds: i32,
    max_attempts: i32,
) -> Result<(), DbError> {
    sqlx::query!(
        "update email_outbox
            set status = case when attempts >= $4 then 'failed' else 'pending' end,
                next_attempt_at = now() + make_interval(secs => $3),
                last_error = left($2, 1000)
          where id = $1",
        id,
        error,
        f64::from(retry_in_seconds),
        max_attempts,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}
