//! PATCH /tasks/{id}: changes a task; moving its due or reminder time re-arms the
//! reminder.

use actix_web::{patch, web};
use chrono::{DateTime, Utc};
use domain::{
    crm::task::{writes_tasks, TaskEdit, TaskEditInput},
    FieldErrors,
};
use persistence::crm::tasks::{self, TaskChanges};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    api::crm::require_role,
    error::{ApiError, ApiResult, ErrorBody},
    extract::{UserTx, ValidJson},
};

use super::dto::*;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTaskRequest {
    pub title: Option<String>,
    pub description: Option<String>,
    /// open, done or cancelled.
    #[schema(value_type = Option<domain::crm::TaskStatus>)]
    pub status: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub remind_at: Option<DateTime<Utc>>,
}

/// The request checked (a given title is not blank, a status is a task status).
impl TryFrom<UpdateTaskRequest> for TaskChanges {
    type Error = FieldErrors;

    fn try_from(b: UpdateTaskRequest) -> Result<Self, FieldErrors> {
        let edit = TaskEdit::parse(TaskEditInput {
            title: b.title,
            description: b.description,
            status: b.status,
        })?;
        Ok(Self {
            title: edit.title,
            description: edit.description,
            status: edit.status.map(|s| s.as_str().to_owned()),
            due_at: b.due_at,
            remind_at: b.remind_at.map(Some),
        })
    }
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
    require_role(&user, writes_tasks)?;
    let changes = TaskChanges::try_from(body.value).map_err(ApiError::Validation)?;
    let row = tasks::update(&mut tx, id.into_inner(), &changes).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(row.into()))
}
