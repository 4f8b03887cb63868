//! What n8n pushes in (TCK-2, BRD-1): tickets and broadcast logs, and the 24-hour
//! fingerprints that make a retry without an `Idempotency-Key` return the first answer.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::{DbError, Tx};

/// Who sends: an n8n key or a signed-in user (the SPA). Decides the row's owner columns.
#[derive(Debug, Clone, Copy)]
pub enum Sender {
    Key(Uuid),
    User(Uuid),
}

impl Sender {
    fn key(self) -> Option<Uuid> {
        match self {
            Self::Key(id) => Some(id),
            Self::User(_) => None,
        }
    }

    fn user(self) -> Option<Uuid> {
        match self {
            Self::User(id) => Some(id),
            Self::Key(_) => None,
        }
    }
}

/// What identifies a request for the keyless retry check: its fingerprint, and for
/// broadcast logs the time of each item, which may move between tries.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub hash: String,
    /// `None` for tickets (the whole body counts); per item for broadcast logs.
    pub times: Option<Vec<Option<DateTime<Utc>>>>,
}

/// Waits for any request with the same fingerprint still in flight and returns the
/// status and body such a request got in the last 24 hours, if its times lie within
/// `window_seconds` of these (item by item).
pub async fn begin(
    tx: &mut Tx,
    fingerprint: &Fingerprint,
    window_seconds: i32,
) -> Result<Option<(u16, serde_json::Value)>, DbError> {
    let row = sqlx::query!(
        r#"select status as "status!", response as "response!" from app.intake_begin($1, $2, $3)"#,
        fingerprint.hash,
        fingerprint.times.as_deref() as Option<&[Option<DateTime<Utc>>]>,
        window_seconds,
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| (u16::try_from(r.status).unwrap_or(200), r.response)))
}

/// Stores the answer for retries of the same request within 24 hours.
pub async fn complete(
    tx: &mut Tx,
    fingerprint: &Fingerprint,
    resource: &str,
    status: u16,
    response: &serde_json::Value,
) -> Result<(), DbError> {
    sqlx::query!(
        "select app.intake_complete($1, $2, $3, $4, $5)",
        fingerprint.hash,
        fingerprint.times.as_deref() as Option<&[Option<DateTime<Utc>>]>,
        resource,
        i16::try_from(status).unwrap_or(200),
        response,
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct NewTicket {
    pub ticket_type: String,
    pub priority: String,
    pub dept_target: String,
    pub subject: String,
    pub description: String,
    pub tracking_number: Option<String>,
    pub customer_phone: Option<String>,
    pub contact_name: Option<String>,
}

/// Inserts a ticket as the sender (RLS decides whether they may); returns id and code.
pub async fn create_ticket(
    tx: &mut Tx,
    sender: Sender,
    ticket: &NewTicket,
) -> Result<(Uuid, String), DbError> {
    let source = match sender {
        Sender::Key(_) => "n8n",
        Sender::User(_) => "web",
    };
    // Only the columns each principal may write: a key has no created_by, a user no key.
    let sql = match sender {
        Sender::Key(_) => {
            "insert into tickets (ticket_type, priority, dept_target, subject, description, \
                 tracking_number, customer_phone, contact_name, source, api_key_id) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id, ticket_code"
        }
        Sender::User(_) => {
            "insert into tickets (ticket_type, priority, dept_target, subject, description, \
                 tracking_number, customer_phone, contact_name, source, created_by) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id, ticket_code"
        }
    };
    let owner = sender.key().or(sender.user());
    Ok(sqlx::query_as(sql)
        .bind(&ticket.ticket_type)
        .bind(&ticket.priority)
        .bind(&ticket.dept_target)
        .bind(&ticket.subject)
        .bind(&ticket.description)
        .bind(&ticket.tracking_number)
        .bind(&ticket.customer_phone)
        .bind(&ticket.contact_name)
        .bind(source)
        .bind(owner)
        .fetch_one(&mut **tx)
        .await?)
}

#[derive(Debug, Clone)]
pub struct NewBroadcastLog {
    pub tracking_number: String,
    pub consignee_phone: Option<String>,
    pub status: String,
    pub message_content: Option<String>,
    pub error_message: Option<String>,
    pub broadcast_at: Option<DateTime<Utc>>,
}

/// Inserts the logs in one statement (a batch is one round trip); returns their ids in
/// the order given. Each log moves its shipment on (trigger).
pub async fn insert_broadcast_logs(
    tx: &mut Tx,
    sender: Sender,
    logs: &[NewBroadcastLog],
) -> Result<Vec<Uuid>, DbError> {
    if logs.is_empty() {
        return Ok(Vec::new());
    }
    let column = |f: fn(&NewBroadcastLog) -> Option<String>| -> Vec<Option<String>> {
        logs.iter().map(f).collect()
    };
    let tracking = column(|l| Some(l.tracking_number.clone()));
    let phone = column(|l| l.consignee_phone.clone());
    let status = column(|l| Some(l.status.clone()));
    let message = column(|l| l.message_content.clone());
    let error = column(|l| l.error_message.clone());
    let at: Vec<Option<DateTime<Utc>>> = logs.iter().map(|l| l.broadcast_at).collect();
    // Ids are made here so that each result lines up with its item without relying on
    // the order of RETURNING.
    let ids: Vec<Uuid> = logs.iter().map(|_| Uuid::new_v4()).collect();
    sqlx::query(
        "insert into broadcast_logs (id, tracking_number, consignee_phone, status, message_content, \
             error_message, broadcast_at, api_key_id, created_by) \
         select i, t, p, s, m, e, coalesce(a, now()), $8, $9 \
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], \
                       $7::timestamptz[]) as u(i, t, p, s, m, e, a)",
    )
    .bind(&ids)
    .bind(&tracking)
    .bind(&phone)
    .bind(&status)
    .bind(&message)
    .bind(&error)
    .bind(&at)
    .bind(sender.key())
    .bind(sender.user())
    .execute(&mut **tx)
    .await?;
    Ok(ids)
}
