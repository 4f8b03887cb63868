//! GET /conversations: the WhatsApp conversations you may see (WA-2).

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::{whatsapp::ConversationStatus, ClosedSet, FieldErrors};
use persistence::whatsapp::{self, AgentFilter, ConversationFilter};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{require_reader, Conversation};
use crate::{
    api::{
        crm::{sql_sort, text},
        page_request, ListBody,
    },
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConversationQuery {
    /// Comma-separated: open, pending, resolved.
    pub status: Option<String>,
    /// An agent's user id, `me`, or `unassigned`.
    pub agent: Option<String>,
    pub customer_id: Option<Uuid>,
    /// Opened on or after this day (Asia/Jakarta).
    pub from: Option<NaiveDate>,
    /// Opened on or before this day (Asia/Jakarta).
    pub to: Option<NaiveDate>,
    /// Part of the customer's number or of the contact's or customer's name.
    pub search: Option<String>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// last_message_at (default, newest first), opened_at, status; `-` for descending.
    #[param(value_type = Option<ConversationSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::sort_param!(ConversationSort => whatsapp::SORT);

/// The filter for `me` = `user`; every invalid parameter at once.
fn filter(query: &ConversationQuery, user: Uuid) -> ApiResult<ConversationFilter> {
    let mut errors = FieldErrors::new();
    let mut status = Vec::new();
    for part in query
        .status
        .iter()
        .flat_map(|s| s.split(','))
        .map(str::trim)
    {
        match ConversationStatus::from_text(part) {
            Some(s) => status.push(s),
            None if part.is_empty() => {}
            None => errors.add(
                "status",
                format!("must be one of: {}", ConversationStatus::choices()),
            ),
        }
    }
    let agent = match query.agent.as_deref().map(str::trim) {
        None | Some("") => None,
        Some("me") => Some(AgentFilter::User(user)),
        Some("unassigned") => Some(AgentFilter::Unassigned),
        Some(raw) => errors.take(
            "agent",
            raw.parse::<Uuid>()
                .map(AgentFilter::User)
                .map_err(|_| "must be a user id, me or unassigned"),
        ),
    };
    if let (Some(from), Some(to)) = (query.from, query.to) {
        if from > to {
            errors.add("to", "must not be before from");
        }
    }
    errors.into_result().map_err(ApiError::Validation)?;
    Ok(ConversationFilter {
        status,
        agent,
        customer_id: query.customer_id,
        from: query.from,
        to: query.to,
        search: text(query.search.clone()),
    })
}

/// The conversations in your scope, latest message first: CS admin and management all,
/// a CS agent their own and the unassigned queue, sales their customers'.
#[utoipa::path(
    tag = "whatsapp",
    security(("bearer" = [])),
    params(ConversationQuery),
    responses(
        (status = 200, description = "A page of conversations", body = ListBody<Conversation>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "This role has no conversations", body = ErrorBody),
        (status = 422, description = "Invalid filter, sort or paging", body = ErrorBody),
    )
)]
#[get("/conversations")]
#[tracing::instrument(name = "GET /conversations", skip_all)]
pub async fn list_conversations(
    ctx: UserTx,
    query: web::Query<ConversationQuery>,
) -> ApiResult<web::Json<ListBody<Conversation>>> {
    let UserTx { mut tx, user } = ctx;
    require_reader(user.role)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), whatsapp::SORT)?;
    let filter = filter(&query, user.id)?;
    let rows = whatsapp::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Conversation::from)))
}
