//! WA-2/WA-3: conversations and their messages as the caller may see them (RLS: CS admin
//! and management all, a CS agent their own and the unassigned queue, sales their
//! customers'), and the changes people make: status and assignment.

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    list::PageRequest,
    whatsapp::{ConversationStatus, MessageDirection, MessageStatus, ResolvedBy, SenderKind},
};
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{fetch_page, push_day_range, SqlSort},
    DbError, Page, Stored, Tx,
};

pub const SORT: &[(&str, &str)] = &[
    ("last_message_at", "c.last_message_at"),
    ("opened_at", "c.opened_at"),
    ("status", "c.status"),
];

const SELECT_CONVERSATION: &str = "select c.id, c.conversation_code, c.business_phone_id, c.business_phone, \
        c.customer_phone, c.contact_name, c.customer_id, party.customer_name, \
        c.lead_id, party.lead_code, \
        c.ticket_id, (select t.ticket_code from tickets t where t.id = c.ticket_id) as ticket_code, \
        c.assigned_to_user_id, \
        (select p.full_name from profiles p where p.id = c.assigned_to_user_id) as assigned_to_name, \
        c.status, c.opened_at, c.last_message_at, c.last_inbound_at, c.first_agent_reply_at, \
        c.first_bot_reply_at, c.resolved_at, c.resolved_by, \
        (select count(*) from messages m where m.conversation_id = c.id) as message_count, \
        (select m.body from messages m where m.conversation_id = c.id \
          order by m.sent_at desc, m.id desc limit 1) as last_message \
   from conversations c \
   left join lateral app.wa_conversation_party(c.id) party on true";

const TIEBREAK: (&str, &str) = ("c.last_message_at desc, c.id desc", "c.id desc");

#[derive(Debug, Clone, FromRow)]
pub struct ConversationRow {
    pub id: Uuid,
    pub conversation_code: String,
    pub business_phone_id: String,
    pub business_phone: Option<String>,
    pub customer_phone: String,
    pub contact_name: Option<String>,
    pub customer_id: Option<Uuid>,
    pub customer_name: Option<String>,
    pub lead_id: Option<Uuid>,
    pub lead_code: Option<String>,
    pub ticket_id: Option<Uuid>,
    pub ticket_code: Option<String>,
    pub assigned_to_user_id: Option<Uuid>,
    pub assigned_to_name: Option<String>,
    pub status: Stored<ConversationStatus>,
    pub opened_at: DateTime<Utc>,
    pub last_message_at: DateTime<Utc>,
    pub last_inbound_at: Option<DateTime<Utc>>,
    pub first_agent_reply_at: Option<DateTime<Utc>>,
    pub first_bot_reply_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolved_by: Option<Stored<ResolvedBy>>,
    pub message_count: i64,
    pub last_message: Option<String>,
}

/// Who a conversation list is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentFilter {
    User(Uuid),
    Unassigned,
}

#[derive(Debug, Clone, Default)]
pub struct ConversationFilter {
    pub status: Vec<ConversationStatus>,
    pub agent: Option<AgentFilter>,
    pub customer_id: Option<Uuid>,
    /// Opened on or after / before these days (Asia/Jakarta).
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Part of the customer's number (digits) or of the contact's or customer's name.
    pub search: Option<String>,
}

fn push_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a ConversationFilter) {
    query.push(" where true");
    if !filter.status.is_empty() {
        let status: Vec<&str> = filter.status.iter().map(|s| s.as_str()).collect();
        query
            .push(" and c.status = any(")
            .push_bind(status)
            .push(")");
    }
    match &filter.agent {
        Some(AgentFilter::User(id)) => {
            query.push(" and c.assigned_to_user_id = ").push_bind(*id);
        }
        Some(AgentFilter::Unassigned) => {
            query.push(" and c.assigned_to_user_id is null");
        }
        None => {}
    }
    if let Some(customer) = filter.customer_id {
        query.push(" and c.customer_id = ").push_bind(customer);
    }
    push_day_range(query, "c.opened_at", filter.from, filter.to);
    if let Some(search) = filter.search.as_deref() {
        let digits: String = search.chars().filter(char::is_ascii_digit).collect();
        let pattern = format!("%{}%", search.replace(['%', '_', '\\'], ""));
        query
            .push(" and (coalesce(c.contact_name, '') ilike ")
            .push_bind(pattern.clone());
        query
            .push(" or exists (select 1 from app.wa_conversation_party(c.id) p where p.customer_name ilike ")
            .push_bind(pattern)
            .push(")");
        if digits.len() >= 3 {
            query
                .push(" or c.customer_phone like ")
                .push_bind(format!("%{digits}%"));
        }
        query.push(")");
    }
}

pub async fn list(
    tx: &mut Tx,
    filter: &ConversationFilter,
    page: PageRequest,
    sort: &[SqlSort],
) -> Result<Page<ConversationRow>, DbError> {
    fetch_page(
        tx,
        "conversations c",
        SELECT_CONVERSATION,
        |query| push_filter(query, filter),
        sort,
        TIEBREAK,
        page,
    )
    .await
}

/// One conversation the caller may see.
pub async fn get(tx: &mut Tx, id: Uuid) -> Result<ConversationRow, DbError> {
    let mut query = QueryBuilder::new(SELECT_CONVERSATION);
    query.push(" where c.id = ").push_bind(id);
    query
        .build_query_as::<ConversationRow>()
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)
}

#[derive(Debug, Clone, FromRow)]
pub struct MessageRow {
    pub id: Uuid,
    pub provider_message_id: String,
    pub direction: Stored<MessageDirection>,
    pub sender_kind: Stored<SenderKind>,
    pub agent_user_id: Option<Uuid>,
    pub agent_name: Option<String>,
    pub message_type: String,
    pub body: Option<String>,
    pub content: serde_json::Value,
    pub campaign_name: Option<String>,
    pub status: Stored<MessageStatus>,
    pub sent_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub read_at: Option<DateTime<Utc>>,
    pub failed_at: Option<DateTime<Utc>>,
    pub errors: Option<serde_json::Value>,
}

/// The messages of a conversation in the order they were sent.
pub async fn messages(tx: &mut Tx, conversation_id: Uuid) -> Result<Vec<MessageRow>, DbError> {
    Ok(sqlx::query_as!(
        MessageRow,
        r#"select m.id, m.provider_message_id, m.direction as "direction: _",
                  m.sender_kind as "sender_kind: _", m.agent_user_id,
                  (select p.full_name from profiles p where p.id = m.agent_user_id) as agent_name,
                  m.message_type, m.body, m.content,
                  (select k.name::text from campaigns k where k.id = m.campaign_id) as campaign_name,
                  m.status as "status: _", m.sent_at, m.delivered_at, m.read_at, m.failed_at, m.errors
             from messages m
            where m.conversation_id = $1
            order by m.sent_at, m.id"#,
        conversation_id,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// A change to a conversation: its status, its agent (`Some(None)` unassigns), or both.
#[derive(Debug, Clone, Default)]
pub struct ConversationChange {
    pub status: Option<ConversationStatus>,
    pub assignee: Option<Option<Uuid>>,
}

/// Applies `change` as the caller (RLS decides whose conversations they may change:
/// [`DbError::NotFound`] otherwise). Resolving stamps the time and `agent`; reopening
/// clears them. Only the current conversation of a pair of numbers is reopened
/// (`conversations_past_stay_resolved` otherwise).
pub async fn update(tx: &mut Tx, id: Uuid, change: &ConversationChange) -> Result<(), DbError> {
    let updated = sqlx::query!(
        r#"update conversations c set
               status = coalesce($2, c.status),
               resolved_at = case when $2 = 'resolved' and c.status <> 'resolved' then now()
                                  when $2 in ('open', 'pending') then null else c.resolved_at end,
               resolved_by = case when $2 = 'resolved' and c.status <> 'resolved' then 'agent'
                                  when $2 in ('open', 'pending') then null else c.resolved_by end,
               assigned_to_user_id = case when $3 then $4 else c.assigned_to_user_id end,
               assigned_at = case when not $3 then c.assigned_at
                                  when $4::uuid is null then null
                                  when $4 is distinct from c.assigned_to_user_id then now()
                                  else c.assigned_at end
            where c.id = $1
            returning c.id"#,
        id,
        change.status.map(|s| s.as_str()),
        change.assignee.is_some(),
        change.assignee.flatten(),
    )
    .fetch_optional(&mut **tx)
    .await?;
    updated.map(|_| ()).ok_or(DbError::NotFound)
}

/// A conversation and its messages.
pub async fn thread(tx: &mut Tx, id: Uuid) -> Result<(ConversationRow, Vec<MessageRow>), DbError> {
    let conversation = get(tx, id).await?;
    let messages = messages(tx, id).await?;
    Ok((conversation, messages))
}

/// Applies a change a person makes and returns the conversation after it. An assignee
/// must be an active CS agent or CS admin (`conversations_assignee_cs` otherwise).
pub async fn change(
    tx: &mut Tx,
    id: Uuid,
    change: &ConversationChange,
) -> Result<ConversationRow, DbError> {
    if let Some(Some(assignee)) = change.assignee {
        if !is_cs_member(tx, assignee).await? {
            return Err(DbError::Check {
                constraint: "conversations_assignee_cs".to_owned(),
            });
        }
    }
    update(tx, id, change).await?;
    get(tx, id).await
}

/// Whether `user_id` is an active CS agent or CS admin (who conversations go to).
pub async fn is_cs_member(tx: &mut Tx, user_id: Uuid) -> Result<bool, DbError> {
    Ok(sqlx::query_scalar!(
        r#"select exists (select 1 from profiles p where p.id = $1 and p.is_active
                             and p.role_name in ('cs_agent', 'cs_admin')) as "member!""#,
        user_id,
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// Links the ticket opened from a conversation.
pub async fn link_ticket(tx: &mut Tx, id: Uuid, ticket_id: Uuid) -> Result<(), DbError> {
    let updated = sqlx::query!(
        "update conversations set ticket_id = $2 where id = $1 returning id",
        id,
        ticket_id,
    )
    .fetch_optional(&mut **tx)
    .await?;
    updated.map(|_| ()).ok_or(DbError::NotFound)
}

/// A ticket opened from a conversation.
#[derive(Debug, Clone)]
pub struct OpenedTicket {
    pub ticket_id: Uuid,
    pub ticket_code: String,
    /// false: the conversation had its ticket already.
    pub created: bool,
}

/// Opens a CS ticket from a conversation (its customer, lead, number, name and the last
/// thing the customer wrote) as the caller and links it; returns the linked one when the
/// conversation has it already. [`DbError::NotFound`] when the caller cannot see the
/// conversation.
pub async fn open_ticket(
    tx: &mut Tx,
    id: Uuid,
    ticket_type: domain::tickets::TicketType,
    priority: domain::tickets::TicketPriority,
) -> Result<OpenedTicket, DbError> {
    let conversation = get(tx, id).await?;
    if let (Some(ticket_id), Some(ticket_code)) = (conversation.ticket_id, conversation.ticket_code)
    {
        return Ok(OpenedTicket {
            ticket_id,
            ticket_code,
            created: false,
        });
    }
    let last_inbound = sqlx::query_scalar!(
        "select body from messages where conversation_id = $1 and direction = 'inbound' \
          order by sent_at desc, id desc limit 1",
        id,
    )
    .fetch_optional(&mut **tx)
    .await?
    .flatten();
    let name = conversation
        .contact_name
        .clone()
        .unwrap_or_else(|| conversation.customer_phone.clone());
    let created = sqlx::query!(
        r#"insert into tickets (ticket_type, priority, dept_target, subject, description, contact_name,
                                customer_phone, related_customer_id, related_lead_id, source, created_by)
           values ($1, $2, 'CS', $3, $4, $5, $6, $7, $8, 'whatsapp', app.uid())
           returning id, ticket_code"#,
        ticket_type.as_str(),
        priority.as_str(),
        format!("WhatsApp: {name} ({})", conversation.conversation_code),
        last_inbound.unwrap_or_default(),
        name,
        conversation.customer_phone,
        conversation.customer_id,
        conversation.lead_id,
    )
    .fetch_one(&mut **tx)
    .await?;
    link_ticket(tx, id, created.id).await?;
    Ok(OpenedTicket {
        ticket_id: created.id,
        ticket_code: created.ticket_code,
        created: true,
    })
}
