//! GET /calendar: tasks and activities in a window of time, for the month and week
//! calendar (CRM-5).

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use domain::crm::task::calendar_window;
use persistence::crm::tasks::{self, CalendarRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    api::crm::owner_filter,
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarEntry {
    /// `task` or `activity`.
    pub kind: String,
    pub id: Uuid,
    pub title: String,
    /// Due time of a task; scheduled (or logged) time of an activity.
    pub at: DateTime<Utc>,
    pub status: Option<String>,
    pub activity_type: Option<String>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    pub customer_id: Option<Uuid>,
    pub customer_name: Option<String>,
}

impl From<CalendarRow> for CalendarEntry {
    fn from(r: CalendarRow) -> Self {
        Self {
            kind: r.kind,
            id: r.id,
            title: r.title,
            at: r.at,
            status: r.status,
            activity_type: r.activity_type,
            owner_user_id: r.owner_user_id,
            owner_name: r.owner_name,
            customer_id: r.customer_id,
            customer_name: r.customer_name,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Owner: a user id or `me`.
    pub owner: Option<String>,
}

/// Tasks and activities between two instants (at most 62 days), for the month and week
/// calendar.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(CalendarQuery),
    responses(
        (status = 200, description = "Entries in time order", body = Vec<CalendarEntry>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Missing or invalid range", body = ErrorBody),
    )
)]
#[get("/calendar")]
#[tracing::instrument(name = "GET /calendar", skip_all)]
pub async fn get_calendar(
    ctx: UserTx,
    query: web::Query<CalendarQuery>,
) -> ApiResult<web::Json<Vec<CalendarEntry>>> {
    let UserTx { mut tx, user } = ctx;
    let (from, to) = calendar_window(query.from, query.to).map_err(ApiError::Validation)?;
    let owner = owner_filter("owner", query.owner.as_deref(), user.id)?;
    let rows = tasks::calendar(&mut tx, from, to, owner).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter().map(CalendarEntry::from).collect(),
    ))
}
