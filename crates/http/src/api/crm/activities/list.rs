//! GET /activities: the activities in the caller's scope, filtered, sorted and paged.

use actix_web::{get, web};
use chrono::NaiveDate;
use domain::crm::ActivityType;
use persistence::{
    crm::activities::{self, ActivityFilter},
    UserPrincipal,
};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    api::{
        crm::{owner_filter, require_crm, sql_sort, text},
        page_request, ListBody,
    },
    error::{ApiError, ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActivityQuery {
    pub q: Option<String>,
    /// Comma-separated types (visit, call, meeting, email, whatsapp, system).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub activity_type: Option<String>,
    /// Owner: a user id or `me`.
    pub owner: Option<String>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Include the system's own entries (default true).
    pub include_system: Option<bool>,
    pub deleted: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// occurred_at, scheduled_at, activity_type, created_at.
    #[param(value_type = Option<ActivitySort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::sort_param!(ActivitySort => activities::SORT);

impl ActivityQuery {
    /// The list's filter (also the export's); the first invalid parameter is the error.
    pub fn filter(&self, user: &UserPrincipal) -> ApiResult<ActivityFilter> {
        Ok(ActivityFilter {
            q: text(self.q.clone()),
            activity_type: type_filter(self.activity_type.as_deref())?,
            owner_user_id: owner_filter("owner", self.owner.as_deref(), user.id)?,
            customer_id: self.customer_id,
            prospect_id: self.prospect_id,
            lead_id: self.lead_id,
            from: self.from,
            to: self.to,
            include_system: self.include_system.unwrap_or(true),
            deleted: self.deleted.unwrap_or(false),
        })
    }
}

/// Comma-separated activity types; `system` (the application's own entries) may be
/// asked for although nobody logs it by hand.
fn type_filter(raw: Option<&str>) -> ApiResult<Vec<String>> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    raw.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| match t {
            "system" => Ok(t.to_owned()),
            _ => t
                .parse::<ActivityType>()
                .map(|a| a.as_str().to_owned())
                .map_err(|m| ApiError::validation("type", m.to_string())),
        })
        .collect()
}

/// Lists activities in the caller's scope.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(ActivityQuery),
    responses(
        (status = 200, description = "A page of activities", body = ListBody<Activity>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "No CRM access", body = ErrorBody),
        (status = 422, description = "Invalid filter, paging or sort", body = ErrorBody),
    )
)]
#[get("/activities")]
#[tracing::instrument(name = "GET /activities", skip_all)]
pub async fn list_activities(
    ctx: UserTx,
    query: web::Query<ActivityQuery>,
) -> ApiResult<web::Json<ListBody<Activity>>> {
    let UserTx { mut tx, user } = ctx;
    require_crm(&user)?;
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), activities::SORT)?;
    let filter = query.filter(&user)?;
    let rows = activities::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Activity::from)))
}
