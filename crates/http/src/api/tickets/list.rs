//! GET /tickets: the queue, filtered, sorted and paged.

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::tickets::{reads_ticket_identity, PRIORITIES, STATUSES, TICKET_TYPES};
use persistence::{
    tickets::{self, Assignee, TicketFilter},
    UserPrincipal,
};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    api::{
        crm::{sql_sort, text},
        page_request, ListBody,
    },
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

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
    /// Closed on or after this day (Asia/Jakarta).
    pub closed_from: Option<NaiveDate>,
    /// Closed on or before this day (Asia/Jakarta).
    pub closed_to: Option<NaiveDate>,
    /// `true`: only tickets without a first response yet.
    pub unanswered: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// created_at, updated_at, ticket_code, status, priority; `-` for descending.
    #[param(value_type = Option<TicketSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::sort_param!(TicketSort => tickets::TICKET_SORT);

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
    let filter = filter(query, &user)?;
    let rows = tickets::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Ticket::from)))
}

/// The queue's filter from the query string; the first invalid parameter is the error.
pub(super) fn filter(query: TicketQuery, user: &UserPrincipal) -> ApiResult<TicketFilter> {
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
    Ok(TicketFilter {
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
        closed_from: query.closed_from,
        closed_to: query.closed_to,
        unanswered: query.unanswered.unwrap_or(false),
        identity: reads_ticket_identity(user.role),
    })
}
