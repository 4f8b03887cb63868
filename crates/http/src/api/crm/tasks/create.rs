//! POST /tasks: a follow-up or to-do for yourself or (managers) your team.

use actix_web::{http::StatusCode, post, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use domain::{
    crm::{
        activity::Link,
        task::{writes_tasks, CreateTask, TaskInput},
    },
    FieldErrors,
};
use persistence::crm::{activities::Subject, follow_ups, tasks::NewTask};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    api::crm::{activities::subject_in_scope, require_role},
    error::{ApiError, ApiResult, ErrorBody},
    extract::{IdempotencyKey, UserTx, ValidJson},
    idempotency::{Claimed, Idempotency},
};

use super::dto::*;

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

/// The request checked against the rules of a task, every broken rule at once.
impl TryFrom<CreateTaskRequest> for CreateTask {
    type Error = FieldErrors;

    fn try_from(b: CreateTaskRequest) -> Result<Self, FieldErrors> {
        CreateTask::parse(TaskInput {
            title: b.title,
            description: b.description,
            due_at: b.due_at,
            remind_at: b.remind_at,
            owner_user_id: b.owner_user_id,
            link: Link {
                customer_id: b.customer_id,
                prospect_id: b.prospect_id,
                lead_id: b.lead_id,
            },
        })
    }
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
    require_role(&user, writes_tasks)?;
    let task = CreateTask::try_from(body.value).map_err(ApiError::Validation)?;
    let owner = task.owner_user_id.unwrap_or(user.id);
    let subject = if task.link.is_empty() {
        None
    } else {
        Some(subject_in_scope(&mut tx, task.link, owner).await?)
    };
    let idem = match Idempotency::claim(&mut tx, key, &req, &body.fingerprint).await? {
        Claimed::Proceed(idem) => idem,
        Claimed::Replay(response) => return Ok(response),
    };
    let new = record(task, subject.as_ref(), owner, user.id);
    let row = follow_ups::create_task(&mut tx, &new).await?;
    let response = idem
        .respond(&mut tx, StatusCode::CREATED, &Task::from(row))
        .await?;
    persistence::commit(tx).await?;
    Ok(response)
}

/// The row to insert: the checked task on the resolved subject, if any.
fn record(task: CreateTask, subject: Option<&Subject>, owner: Uuid, by: Uuid) -> NewTask {
    NewTask {
        title: task.title,
        description: task.description,
        due_at: task.due_at,
        remind_at: Some(task.remind_at),
        owner_user_id: owner,
        customer_id: subject.map(|s| s.customer_id),
        prospect_id: subject.and_then(|s| s.prospect_id),
        lead_id: subject.and_then(|s| s.lead_id),
        activity_id: None,
        created_by: by,
    }
}
