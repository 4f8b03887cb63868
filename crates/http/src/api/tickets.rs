//! TCK-3: the ticket queue, a ticket with its conversation, SLA trail and the AWB's
//! broadcasts, changes (status, priority, assignee, outcome) and comments. Who sees which
//! tickets is the database's decision (RLS: CS agents their own and the unassigned CS
//! queue, CS admins all, Operations their department, CRM roles their customers' tickets,
//! creators their own); Operations never receive the customer's identity (TCK-5).

use actix_web::{get, patch, post, put, web, HttpResponse};
use chrono::{DateTime, Days, NaiveDate, Utc};
use domain::tickets::{
    assigns_tickets, comments_on_tickets, reads_broadcasts, reads_ticket_identity, works_tickets,
    TicketChangeInput, TicketNow, PRIORITIES, STATUSES, TICKET_TYPES,
};
use persistence::tickets::{
    self, Assignee, AttachmentRow, BroadcastRow, MessageRow, SlaEventRow, SlaReportRow,
    TicketFilter, TicketPatch, TicketRow,
};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    api::{
        crm::{analytics::pct, sql_sort, text},
        page_request, ListBody,
    },
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

/// SLA states a drill-down may ask for.
const SLA_STATES: [&str; 3] = ["met", "breached", "at_risk"];

/// How many broadcasts of the AWB a ticket shows.
const BROADCAST_HISTORY: i64 = 50;

#[derive(Debug, Serialize, ToSchema)]
pub struct Ticket {
    pub id: Uuid,
    #[schema(example = "TKT-2026-000123")]
    pub ticket_code: String,
    /// inquiry_tariff, general_request, complaint, shipment_issue.
    pub ticket_type: String,
    /// low, medium, high, urgent.
    pub priority: String,
    /// open, in_progress, pending, on_hold, closed.
    pub status: String,
    pub dept_target: String,
    pub subject: String,
    pub description: String,
    /// The shipment's AWB.
    pub tracking_number: Option<String>,
    /// Absent for Operations (TCK-5).
    pub company_name: Option<String>,
    pub contact_name: Option<String>,
    pub customer_phone: Option<String>,
    pub customer_email: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub rfq: Option<serde_json::Value>,
    pub need_customer_masking: bool,
    pub related_lead_id: Option<Uuid>,
    pub related_customer_id: Option<Uuid>,
    pub related_prospect_id: Option<Uuid>,
    pub assigned_to_user_id: Option<Uuid>,
    pub assigned_to_name: Option<String>,
    /// web, n8n, crm, dso.
    pub source: String,
    pub inquiry_outcome: Option<String>,
    pub close_reason: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TicketRow> for Ticket {
    fn from(r: TicketRow) -> Self {
        Self {
            id: r.id,
            ticket_code: r.ticket_code,
            ticket_type: r.ticket_type,
            priority: r.priority,
            status: r.status,
            dept_target: r.dept_target,
            subject: r.subject,
            description: r.description,
            tracking_number: r.tracking_number,
            company_name: r.company_name,
            contact_name: r.contact_name,
            customer_phone: r.customer_phone,
            customer_email: r.customer_email,
            rfq: r.rfq,
            need_customer_masking: r.need_customer_masking,
            related_lead_id: r.related_lead_id,
            related_customer_id: r.related_customer_id,
            related_prospect_id: r.related_prospect_id,
            assigned_to_user_id: r.assigned_to_user_id,
            assigned_to_name: r.assigned_to_name,
            source: r.source,
            inquiry_outcome: r.inquiry_outcome,
            close_reason: r.close_reason,
            closed_at: r.closed_at,
            created_by: r.created_by,
            created_by_name: r.created_by_name,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TicketComment {
    pub id: Uuid,
    pub author_user_id: Option<Uuid>,
    pub author_name: Option<String>,
    pub comment_text: String,
    /// `true`: a note for colleagues; `false`: a reply to the customer.
    pub is_internal_note: bool,
    pub created_at: DateTime<Utc>,
}

impl From<MessageRow> for TicketComment {
    fn from(m: MessageRow) -> Self {
        Self {
            id: m.id,
            author_user_id: m.author_user_id,
            author_name: m.author_name,
            comment_text: m.comment_text,
            is_internal_note: m.is_internal_note,
            created_at: m.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlaEvent {
    /// OPENED, FIRST_RESPONSE, STATUS_CHANGE, ASSIGNED, PRIORITY_CHANGE, RESOLVED, REOPENED.
    pub event_type: String,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub actor_user_id: Option<Uuid>,
    pub actor_name: Option<String>,
    pub occurred_at: DateTime<Utc>,
}

impl From<SlaEventRow> for SlaEvent {
    fn from(e: SlaEventRow) -> Self {
        Self {
            event_type: e.event_type,
            from_value: e.from_value,
            to_value: e.to_value,
            actor_user_id: e.actor_user_id,
            actor_name: e.actor_name,
            occurred_at: e.occurred_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BroadcastLog {
    pub id: Uuid,
    pub tracking_number: String,
    pub consignee_phone: Option<String>,
    /// success, failed, pending.
    pub status: String,
    pub message_content: Option<String>,
    pub error_message: Option<String>,
    pub broadcast_at: DateTime<Utc>,
}

impl From<BroadcastRow> for BroadcastLog {
    fn from(b: BroadcastRow) -> Self {
        Self {
            id: b.id,
            tracking_number: b.tracking_number,
            consignee_phone: b.consignee_phone,
            status: b.status,
            message_content: b.message_content,
            error_message: b.error_message,
            broadcast_at: b.broadcast_at,
        }
    }
}

/// A ticket with everything its page shows.
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketDetail {
    #[serde(flatten)]
    pub ticket: Ticket,
    /// Oldest first; internal notes included (they are never sent to the customer).
    pub comments: Vec<TicketComment>,
    pub sla_events: Vec<SlaEvent>,
    /// Files attached to the ticket, oldest first (download: `GET /files/{file_id}`).
    pub attachments: Vec<TicketAttachment>,
    /// The latest broadcasts of the ticket's AWB, newest first (CS, admins, director).
    pub broadcast_history: Vec<BroadcastLog>,
}

/// Comma-separated values of a filter, each one of `allowed` (422 otherwise).
pub(crate) fn choice_list(
    field: &str,
    raw: Option<&str>,
    allowed: &[&str],
) -> ApiResult<Vec<String>> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    raw.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lower = p.to_lowercase();
            if allowed.contains(&lower.as_str()) {
                Ok(lower)
            } else {
                Err(ApiError::validation(
                    field,
                    format!("must be one of {}", allowed.join(", ")),
                ))
            }
        })
        .collect()
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TicketQuery {
    /// Comma-separated: open, in_progress, pending, on_hold, closed.
    pub status: Option<String>,
    /// Comma-separated: low, medium, high, urgent.
    pub priority: Option<String>,
    /// Comma-separated ticket types.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub ticket_type: Option<String>,
    /// Comma-separated department codes.
    pub dept: Option<String>,
    /// `me`, `unassigned` or a user id.
    pub assigned_to: Option<String>,
    /// Text over code, subject, AWB and (not for Operations) the customer.
    pub q: Option<String>,
    /// Exact AWB.
    pub tracking_number: Option<String>,
    /// SLA drill-down: met, breached or at_risk (first response or resolution).
    pub sla: Option<String>,
    /// Opened on or after this day (Asia/Jakarta).
    pub from: Option<NaiveDate>,
    /// Opened on or before this day (Asia/Jakarta).
    pub to: Option<NaiveDate>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// created_at, updated_at, ticket_code, status, priority; `-` for descending.
    pub sort: Option<String>,
}

/// The ticket queue: the tickets you may see, filtered.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(TicketQuery),
    responses(
        (status = 200, description = "A page of tickets", body = ListBody<Ticket>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid filter, sort or paging", body = ErrorBody),
    )
)]
#[get("/tickets")]
#[tracing::instrument(name = "GET /tickets", skip_all)]
pub async fn list_tickets(
    ctx: UserTx,
    query: web::Query<TicketQuery>,
) -> ApiResult<web::Json<ListBody<Ticket>>> {
    let UserTx { mut tx, user } = ctx;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), tickets::TICKET_SORT)?;
    let assigned = match text(query.assigned_to).as_deref() {
        None => None,
        Some("me") => Some(Assignee::User(user.id)),
        // Agents and Operations pick from their department's queue (the index-friendly
        // form of what their row-level security lets them see unassigned anyway).
        Some("unassigned") => match (user.role, user.dept) {
            (
                domain::Role::CsAgent
                | domain::Role::OpsExim
                | domain::Role::OpsDomestic
                | domain::Role::OpsImportDtd
                | domain::Role::OpsWarehouse,
                Some(dept),
            ) => Some(Assignee::UnassignedIn(dept.code())),
            _ => Some(Assignee::Unassigned),
        },
        Some(id) => Some(Assignee::User(Uuid::parse_str(id).map_err(|_| {
            ApiError::validation("assigned_to", "must be me, unassigned or a user id")
        })?)),
    };
    let filter = TicketFilter {
        status: choice_list("status", query.status.as_deref(), &STATUSES)?,
        priority: choice_list("priority", query.priority.as_deref(), &PRIORITIES)?,
        ticket_type: choice_list("type", query.ticket_type.as_deref(), &TICKET_TYPES)?,
        dept: query
            .dept
            .as_deref()
            .map(|d| {
                d.split(',')
                    .map(|p| p.trim().to_uppercase())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        assigned,
        q: text(query.q),
        tracking_number: text(query.tracking_number),
        sla_state: choice_list("sla", query.sla.as_deref(), &SLA_STATES)?
            .into_iter()
            .next(),
        from: query.from,
        to: query.to,
        identity: reads_ticket_identity(user.role),
    };
    let rows = tickets::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Ticket::from)))
}

async fn detail(
    tx: &mut persistence::Tx,
    user_role: domain::Role,
    id: Uuid,
) -> ApiResult<TicketDetail> {
    let row = tickets::get(tx, id, reads_ticket_identity(user_role)).await?;
    let comments = tickets::messages(tx, id).await?;
    let events = tickets::sla_events(tx, id).await?;
    let broadcasts = match (&row.tracking_number, reads_broadcasts(user_role)) {
        (Some(awb), true) => tickets::broadcast_history(tx, awb, BROADCAST_HISTORY).await?,
        _ => Vec::new(),
    };
    Ok(TicketDetail {
        ticket: row.into(),
        comments: comments.into_iter().map(Into::into).collect(),
        sla_events: events.into_iter().map(Into::into).collect(),
        attachments: tickets::attachments(tx, id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect(),
        broadcast_history: broadcasts.into_iter().map(Into::into).collect(),
    })
}

/// A ticket with its comments, SLA events and the AWB's broadcast history.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The ticket", body = TicketDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such ticket among those you may see", body = ErrorBody),
    )
)]
#[get("/tickets/{id}")]
#[tracing::instrument(name = "GET /tickets/{id}", skip_all)]
pub async fn get_ticket(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<TicketDetail>> {
    let UserTx { mut tx, user } = ctx;
    let body = detail(&mut tx, user.role, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}

/// absent → `None` (unchanged), `null` → `Some(None)` (cleared), a value → `Some(Some)`.
fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Changes to a ticket; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTicketRequest {
    /// open, in_progress, pending, on_hold, closed (TCK-1 transitions only).
    pub status: Option<String>,
    pub priority: Option<String>,
    /// A user to assign, or `null` to unassign (admins only).
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Uuid>, nullable)]
    pub assigned_to_user_id: Option<Option<Uuid>>,
    /// Why it was closed; required for a lost inquiry.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable)]
    pub close_reason: Option<Option<String>>,
    /// won or lost (inquiries).
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, nullable)]
    pub inquiry_outcome: Option<Option<String>>,
}

/// Checks a change against the ticket as it is and the caller's role.
fn check_change(
    current: &TicketRow,
    change: UpdateTicketRequest,
    role: domain::Role,
) -> ApiResult<TicketPatch> {
    let now = TicketNow {
        status: &current.status,
        ticket_type: &current.ticket_type,
        inquiry_outcome: current.inquiry_outcome.as_deref(),
        close_reason: current.close_reason.as_deref(),
    };
    let input = TicketChangeInput {
        status: change.status,
        priority: change.priority,
        close_reason: change.close_reason,
        inquiry_outcome: change.inquiry_outcome,
    };
    let checked = domain::tickets::check_change(now, input).map_err(ApiError::Validation)?;
    let assigns = change.assigned_to_user_id.is_some();
    if (checked.changes_work() || checked.records_outcome()) && !works_tickets(role)
        || assigns && !assigns_tickets(role)
    {
        return Err(ApiError::Forbidden);
    }
    if !checked.changes_work() && !checked.records_outcome() && !assigns {
        return Err(ApiError::validation("body", "has nothing to change"));
    }
    Ok(TicketPatch {
        status: checked.status,
        priority: checked.priority,
        assigned_to_user_id: change.assigned_to_user_id,
        close_reason: checked.close_reason,
        inquiry_outcome: checked.inquiry_outcome,
    })
}

async fn apply_update(
    ctx: UserTx,
    id: Uuid,
    change: UpdateTicketRequest,
) -> ApiResult<web::Json<TicketDetail>> {
    let UserTx { mut tx, user } = ctx;
    let current = tickets::get(&mut tx, id, reads_ticket_identity(user.role)).await?;
    let patch = check_change(&current, change, user.role)?;
    if let Some(Some(assignee)) = patch.assigned_to_user_id {
        if !tickets::is_active_user(&mut tx, assignee).await? {
            return Err(ApiError::validation(
                "assigned_to_user_id",
                "must be an active user",
            ));
        }
    }
    tickets::update(&mut tx, id, &patch).await?;
    let body = detail(&mut tx, user.role, id).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(body))
}

/// Changes status, priority, assignee, outcome or close reason (TCK-3). Status follows
/// TCK-1's transitions; assignment is for admins; a lost inquiry needs a close reason.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    request_body = UpdateTicketRequest,
    responses(
        (status = 200, description = "The changed ticket", body = TicketDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Your role may not make this change", body = ErrorBody),
        (status = 404, description = "No such ticket among those you may change", body = ErrorBody),
        (status = 422, description = "A disallowed transition or invalid value", body = ErrorBody),
    )
)]
#[patch("/tickets/{id}")]
#[tracing::instrument(name = "PATCH /tickets/{id}", skip_all)]
pub async fn update_ticket(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateTicketRequest>,
) -> ApiResult<web::Json<TicketDetail>> {
    apply_update(ctx, id.into_inner(), body.value).await
}

/// The same as PATCH (SPEC §4.12 names both).
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    request_body = UpdateTicketRequest,
    responses(
        (status = 200, description = "The changed ticket", body = TicketDetail),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Your role may not make this change", body = ErrorBody),
        (status = 404, description = "No such ticket among those you may change", body = ErrorBody),
        (status = 422, description = "A disallowed transition or invalid value", body = ErrorBody),
    )
)]
#[put("/tickets/{id}")]
#[tracing::instrument(name = "PUT /tickets/{id}", skip_all)]
pub async fn replace_ticket(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateTicketRequest>,
) -> ApiResult<web::Json<TicketDetail>> {
    apply_update(ctx, id.into_inner(), body.value).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCommentRequest {
    #[schema(example = "Sudah kami cek, paket tertahan di hub Cikarang.")]
    pub comment_text: String,
    /// `true` (default): a note for colleagues; `false`: a reply to the customer.
    pub is_internal_note: Option<bool>,
}

/// Adds a reply or an internal note to a ticket you may see (TCK-3). The first reply by
/// someone other than the creator records the first response (TCK-4).
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    request_body = CreateCommentRequest,
    responses(
        (status = 201, description = "The comment", body = TicketComment),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Read-only role", body = ErrorBody),
        (status = 404, description = "No such ticket among those you may see", body = ErrorBody),
        (status = 422, description = "Empty or too long", body = ErrorBody),
    )
)]
#[post("/tickets/{id}/comments")]
#[tracing::instrument(name = "POST /tickets/{id}/comments", skip_all)]
pub async fn add_comment(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<CreateCommentRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    if !comments_on_tickets(user.role) {
        return Err(ApiError::Forbidden);
    }
    let id = id.into_inner();
    let body = body.value;
    let comment = body.comment_text.trim();
    if comment.is_empty() {
        return Err(ApiError::validation("comment_text", "is required"));
    }
    if comment.chars().count() > 20_000 {
        return Err(ApiError::validation(
            "comment_text",
            "must be at most 20000 characters",
        ));
    }
    // 404, not 403, for a ticket the caller cannot see.
    tickets::visible(&mut tx, id).await?;
    let message = tickets::add_message(
        &mut tx,
        id,
        user.id,
        comment,
        body.is_internal_note.unwrap_or(true),
    )
    .await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Created().json(TicketComment::from(message)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SlaQuery {
    /// First day of opening (default: 29 days before `to`).
    pub from: Option<NaiveDate>,
    /// Last day of opening, inclusive (default: today, Asia/Jakarta). At most 366 days.
    pub to: Option<NaiveDate>,
}

/// SLA outcomes of one ticket type × priority.
#[derive(Debug, Serialize, ToSchema)]
pub struct SlaReportLine {
    pub ticket_type: String,
    pub priority: String,
    pub tickets: i64,
    pub first_response_met: i64,
    pub first_response_breached: i64,
    pub first_response_at_risk: i64,
    /// Met of those decided (met + breached), percent with one decimal.
    pub first_response_met_pct: f64,
    pub resolution_met: i64,
    pub resolution_breached: i64,
    pub resolution_at_risk: i64,
    pub resolution_met_pct: f64,
}

impl From<SlaReportRow> for SlaReportLine {
    fn from(r: SlaReportRow) -> Self {
        Self {
            first_response_met_pct: pct(
                r.first_response_met,
                r.first_response_met + r.first_response_breached,
            ),
            resolution_met_pct: pct(r.resolution_met, r.resolution_met + r.resolution_breached),
            ticket_type: r.ticket_type,
            priority: r.priority,
            tickets: r.tickets,
            first_response_met: r.first_response_met,
            first_response_breached: r.first_response_breached,
            first_response_at_risk: r.first_response_at_risk,
            resolution_met: r.resolution_met,
            resolution_breached: r.resolution_breached,
            resolution_at_risk: r.resolution_at_risk,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SlaReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Per ticket type × priority; drill down with `GET /tickets?type&priority&sla&from&to`.
    pub rows: Vec<SlaReportLine>,
    /// All rows together.
    pub totals: SlaReportLine,
}

/// TCK-4 SLA report: % of first responses and resolutions within target (business hours,
/// holidays excluded, pending/on-hold paused) per type and priority, over the tickets
/// opened in the range that you may see.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(SlaQuery),
    responses(
        (status = 200, description = "The report", body = SlaReport),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid range", body = ErrorBody),
    )
)]
#[get("/tickets/sla")]
#[tracing::instrument(name = "GET /tickets/sla", skip_all)]
pub async fn sla_report(
    ctx: UserTx,
    query: web::Query<SlaQuery>,
) -> ApiResult<web::Json<SlaReport>> {
    let UserTx { mut tx, .. } = ctx;
    let to = query.to.unwrap_or_else(domain::jakarta_today);
    let from = query
        .from
        .unwrap_or_else(|| to.checked_sub_days(Days::new(29)).unwrap_or(to));
    if to < from {
        return Err(ApiError::validation("to", "must not be before from"));
    }
    if (to - from).num_days() > 366 {
        return Err(ApiError::validation("to", "the range is at most 366 days"));
    }
    let rows = tickets::sla_report(&mut tx, from, to).await?;
    persistence::commit(tx).await?;
    let mut sum = SlaReportRow {
        ticket_type: "all".to_owned(),
        priority: "all".to_owned(),
        tickets: 0,
        first_response_met: 0,
        first_response_breached: 0,
        first_response_at_risk: 0,
        resolution_met: 0,
        resolution_breached: 0,
        resolution_at_risk: 0,
    };
    for r in &rows {
        sum.tickets += r.tickets;
        sum.first_response_met += r.first_response_met;
        sum.first_response_breached += r.first_response_breached;
        sum.first_response_at_risk += r.first_response_at_risk;
        sum.resolution_met += r.resolution_met;
        sum.resolution_breached += r.resolution_breached;
        sum.resolution_at_risk += r.resolution_at_risk;
    }
    Ok(web::Json(SlaReport {
        from,
        to,
        rows: rows.into_iter().map(Into::into).collect(),
        totals: sum.into(),
    }))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TicketAttachment {
    pub id: Uuid,
    /// Download with `GET /files/{file_id}`.
    pub file_id: Uuid,
    pub original_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_by_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<AttachmentRow> for TicketAttachment {
    fn from(a: AttachmentRow) -> Self {
        Self {
            id: a.id,
            file_id: a.file_id,
            original_name: a.original_name,
            content_type: a.content_type,
            size_bytes: a.size_bytes,
            uploaded_by: a.uploaded_by,
            uploaded_by_name: a.uploaded_by_name,
            created_at: a.created_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddAttachmentRequest {
    /// A file you uploaded with `POST /files?bucket=ticket-attachments&name=…`.
    pub file_id: Uuid,
}

/// Attaches a file you uploaded to a ticket you may see (TCK-3). Everyone who sees the
/// ticket may then download it.
#[utoipa::path(
    tag = "tickets",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Ticket id")),
    request_body = AddAttachmentRequest,
    responses(
        (status = 201, description = "Attached", body = TicketAttachment),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Read-only role", body = ErrorBody),
        (status = 404, description = "No such ticket among those you may see", body = ErrorBody),
        (status = 409, description = "The file is already attached", body = ErrorBody),
        (status = 422, description = "Not a file you uploaded to ticket-attachments", body = ErrorBody),
    )
)]
#[post("/tickets/{id}/attachments")]
#[tracing::instrument(name = "POST /tickets/{id}/attachments", skip_all)]
pub async fn add_attachment(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<AddAttachmentRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    if !comments_on_tickets(user.role) {
        return Err(ApiError::Forbidden);
    }
    let id = id.into_inner();
    let file_id = body.value.file_id;
    tickets::visible(&mut tx, id).await?;
    let file = persistence::files::get(&mut tx, file_id).await.ok();
    if file.is_none_or(|f| f.bucket != "ticket-attachments" || f.uploaded_by != Some(user.id)) {
        return Err(ApiError::validation(
            "file_id",
            "must be a file you uploaded to ticket-attachments",
        ));
    }
    let row = tickets::add_attachment(&mut tx, id, file_id, user.id).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::Created().json(TicketAttachment::from(row)))
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_tickets)
        .service(sla_report)
        .service(super::sla_calendar::get_sla_calendar)
        .service(super::sla_calendar::put_holiday)
        .service(super::sla_calendar::delete_holiday)
        .service(super::intake::tickets::create_ticket)
        .service(get_ticket)
        .service(update_ticket)
        .service(replace_ticket)
        .service(add_comment)
        .service(add_attachment)
        .service(super::rfqs::list_rfqs)
        .service(super::rfqs::get_rfq);
}
