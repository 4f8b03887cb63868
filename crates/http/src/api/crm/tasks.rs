//! Follow-ups and to-dos (CRM-5, USR-1) and the calendar. Every signed-in user keeps
//! their own tasks; managers see their team's; the director reads all.

use actix_web::{delete, get, http::StatusCode, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use domain::{crm::TaskStatus, FieldErrors, Role};
use persistence::{
    crm::{
        activities,
        tasks::{self, NewTask, TaskChanges, TaskFilter, TaskRow},
    },
    UserPrincipal,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{bounded, enum_list, owner_filter, sql_sort, text};
use crate::{
    api::{page_request, ListBody},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

#[derive(Debug, Serialize, ToSchema)]
pub struct Task {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    /// open, done or cancelled.
    pub status: String,
    pub due_at: DateTime<Utc>,
    pub remind_at: Option<DateTime<Utc>>,
    pub reminded_at: Option<DateTime<Utc>>,
    /// Open and past due.
    pub overdue: bool,
    pub owner_user_id: Uuid,
    pub owner_name: Option<String>,
    pub customer_id: Option<Uuid>,
    pub customer_name: Option<String>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub activity_id: Option<Uuid>,
    pub completed_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TaskRow> for Task {
    fn from(r: TaskRow) -> Self {
        Self {
            id: r.id,
            title: r.title,
            description: r.description,
            status: r.status,
            due_at: r.due_at,
            remind_at: r.remind_at,
            reminded_at: r.reminded_at,
            overdue: r.overdue,
            owner_user_id: r.owner_user_id,
            owner_name: r.owner_name,
            customer_id: r.customer_id,
            customer_name: r.customer_name,
            prospect_id: r.prospect_id,
            lead_id: r.lead_id,
            activity_id: r.activity_id,
            completed_at: r.completed_at,
            created_by: r.created_by,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// 403 for the director, who reads but writes nothing.
fn require_writer(user: &UserPrincipal) -> ApiResult<()> {
    if user.role == Role::Director {
        Err(ApiError::Forbidden)
    } else {
        Ok(())
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TaskQuery {
    pub q: Option<String>,
    /// Comma-separated: open, done, cancelled.
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
    pub sort: Option<String>,
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
    let filter = TaskFilter {
        q: text(query.q),
        status: enum_list::<TaskStatus>("status", query.status.as_deref(), TaskStatus::as_str)?,
        owner_user_id: owner_filter("owner", query.owner.as_deref(), user.id)?,
        customer_id: query.customer_id,
        prospect_id: query.prospect_id,
        overdue: query.overdue,
        due_from: query.due_from,
        due_to: query.due_to,
        deleted: query.deleted.unwrap_or(false),
    };
    let rows = tasks::list(&mut tx, &filter, page, &sort).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, Task::from)))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTaskRequest {
    pub title: Option<String>,
    pub description: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    /// When to remind (default: the due time). The worker sends an in-app notification.
    pub remind_at: Option<DateTime<Utc>>,
    /// Whose task (default: yourself; managers assign within their team).
    pub owner_user_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
}

/// Creates a task. Accepts `Idempotency-Key`.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    request_body = CreateTaskRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
        (status = 201, description = "Created", body = Task),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Not allowed for this owner", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[post("/tasks")]
#[tracing::instrument(name = "POST /tasks", skip_all)]
pub async fn create_task(
    ctx: UserTx,
    req: HttpRequest,
    key: IdempotencyKey,
    body: ValidJson<CreateTaskRequest>,
) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    let b = body.value;
    let mut errors = FieldErrors::new();
    let title = bounded(&mut errors, "title", b.title, 300, true);
    let description = bounded(&mut errors, "description", b.description, 4000, false);
    if b.due_at.is_none() {
        errors.add("due_at", "is required");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let (Some(title), Some(due_at)) = (title, b.due_at) else {
        return Err(ApiError::Internal("task invariant".to_owned()));
    };
    let subject = if b.customer_id.is_some() || b.prospect_id.is_some() || b.lead_id.is_some() {
        Some(
            activities::resolve_subject(
                &mut tx,
                b.customer_id,
                b.prospect_id,
                b.lead_id,
                b.owner_user_id.unwrap_or(user.id),
            )
            .await?
            .ok_or_else(|| {
                ApiError::validation(
                    "customer_id",
                    "no such customer, prospect or lead in your scope",
                )
            })?,
        )
    } else {
        None
    };
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let id = tasks::insert(
        &mut tx,
        &NewTask {
            title,
            description: description.unwrap_or_default(),
            due_at,
            remind_at: Some(b.remind_at.unwrap_or(due_at)),
            owner_user_id: b.owner_user_id.unwrap_or(user.id),
            customer_id: subject.as_ref().map(|s| s.customer_id),
            prospect_id: subject.as_ref().and_then(|s| s.prospect_id),
            lead_id: subject.as_ref().and_then(|s| s.lead_id),
            activity_id: None,
            created_by: user.id,
        },
    )
    .await?;
    let row = tasks::get(&mut tx, id).await?;
    let response = idem
        .respond(&mut tx, StatusCode::CREATED, &Task::from(row))
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}

/// One task.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Task id")),
    responses(
        (status = 200, description = "The task", body = Task),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 404, description = "No such task in your scope", body = ErrorBody),
    )
)]
#[get("/tasks/{id}")]
#[tracing::instrument(name = "GET /tasks/{id}", skip_all)]
pub async fn get_task(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<web::Json<Task>> {
    let UserTx { mut tx, .. } = ctx;
    let row = tasks::get(&mut tx, id.into_inner()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTaskRequest {
    pub title: Option<String>,
    pub description: Option<String>,
    /// open, done or cancelled.
    pub status: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub remind_at: Option<DateTime<Utc>>,
}

/// Changes a task; moving its due or reminder time re-arms the reminder.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Task id")),
    request_body = UpdateTaskRequest,
    responses(
        (status = 200, description = "The changed task", body = Task),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Read-only role", body = ErrorBody),
        (status = 404, description = "No such task in your scope", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
#[patch("/tasks/{id}")]
#[tracing::instrument(name = "PATCH /tasks/{id}", skip_all)]
pub async fn update_task(
    ctx: UserTx,
    id: web::Path<Uuid>,
    body: ValidJson<UpdateTaskRequest>,
) -> ApiResult<web::Json<Task>> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    let b = body.value;
    let mut errors = FieldErrors::new();
    let changes = TaskChanges {
        title: b
            .title
            .and_then(|v| bounded(&mut errors, "title", Some(v), 300, true)),
        description: b
            .description
            .map(|v| bounded(&mut errors, "description", Some(v), 4000, false).unwrap_or_default()),
        status: b
            .status
            .and_then(|raw| errors.take("status", raw.parse::<TaskStatus>()))
            .map(|s| s.as_str().to_owned()),
        due_at: b.due_at,
        remind_at: b.remind_at.map(Some),
    };
    errors.into_result().map_err(ApiError::Validation)?;
    let row = tasks::update(&mut tx, id.into_inner(), &changes).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}

/// Soft-deletes a task.
#[utoipa::path(
    tag = "crm",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Task id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Read-only role", body = ErrorBody),
        (status = 404, description = "No such task in your scope", body = ErrorBody),
    )
)]
#[delete("/tasks/{id}")]
#[tracing::instrument(name = "DELETE /tasks/{id}", skip_all)]
pub async fn delete_task(ctx: UserTx, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let UserTx { mut tx, user } = ctx;
    require_writer(&user)?;
    tasks::set_deleted(&mut tx, id.into_inner(), true).await?;
    persistence::commit(tx).await?;
    Ok(HttpResponse::NoContent().finish())
}

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
    let mut errors = FieldErrors::new();
    if query.from.is_none() {
        errors.add("from", "is required");
    }
    if query.to.is_none() {
        errors.add("to", "is required");
    }
    errors.into_result().map_err(ApiError::Validation)?;
    let (Some(from), Some(to)) = (query.from, query.to) else {
        return Err(ApiError::Internal("calendar invariant".to_owned()));
    };
    if to <= from {
        return Err(ApiError::validation("to", "must be after from"));
    }
    if to - from > chrono::Duration::days(62) {
        return Err(ApiError::validation("to", "the range is at most 62 days"));
    }
    let owner = owner_filter("owner", query.owner.as_deref(), user.id)?;
    let rows = tasks::calendar(&mut tx, from, to, owner).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|r| CalendarEntry {
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
            })
            .collect(),
    ))
}

/// Registers the operations of this sub-module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_tasks)
        .service(create_task)
        .service(get_task)
        .service(update_task)
        .service(delete_task)
        .service(get_calendar);
}
