//! GET /tasks: the tasks in the caller's scope, filtered, sorted and paged.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use domain::crm::TaskStatus;
use persistence::crm::tasks::{self, TaskFilter};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    api::{
        crm::{enum_list, owner_filter, sql_sort, text},
        page_request, ListBody,
    },
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

use super::dto::*;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TaskQuery {
    pub q: Option<String>,
    /// Comma-separated: open, done, cancelled.
    #[param(value_type = Option<TaskStatuses>, inline)]
    pub status: Option<String>,
    /// Owner: a user id or `me`.
    pub owner: Option<String>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    /// `true`: open and past due.
    pub overdue: Option<bool>,
    pub due_from: Option<DateTime<Utc>>,
    pub due_to: Option<DateTime<Utc>>,
    pub deleted: Option<bool>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
    /// due_at, created_at, title, status.
    #[param(value_type = Option<TaskSort>, inline)]
    pub sort: Option<String>,
}

crate::api::sort::list_param!(TaskStatuses => TaskStatus);

crate::api::sort::sort_param!(TaskSort => tasks::SORT);

impl TaskQuery {
    /// The list's filter; the first invalid parameter is the error.
    fn filter(self, me: Uuid) -> ApiResult<TaskFilter> {
        Ok(TaskFilter {
            q: text(self.q),
            status: enum_list::<TaskStatus>("status", self.status.as_deref(), TaskStatus::as_str)?,
            owner_user_id: owner_filter("owner", self.owner.as_deref(), me)?,
            customer_id: self.customer_id,
            prospect_id: self.prospect_id,
            overdue: self.overdue,
            due_from: self.due_from,
            due_to: self.due_to,
            deleted: self.deleted.unwrap_or(false),
        })
    }
}

/// Lists tasks in the caller's scope, soonest due first.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(TaskQuery),
    responses(
        (status = 200, description = "A page of tasks", body = ListBody<Task>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "Invalid filter, paging or sort", body = ErrorBody),
    )
)]
#[get("/tasks")]
#[tracing::instrument(name = "GET /tasks", skip_all)]
pub async fn list_tasks(
    ctx: UserTx,
    query: web::Query<TaskQuery>,
) -> ApiResult<web::Json<ListBody<Task>>> {
    let UserTx { mut tx, user } = ctx;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let sort = sql_sort(query.sort.as_deref(), tasks::SORT)?;
    let filter = query.filter(user.id)?;
    let rows = tasks::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Task::from)))
}
