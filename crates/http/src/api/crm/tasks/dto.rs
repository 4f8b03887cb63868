//! The task's response shape, shared by its operations.

use chrono::{DateTime, Utc};
use persistence::crm::tasks::TaskRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct Task {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    /// open, done or cancelled.
    pub status: domain::crm::TaskStatus,
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
            status: r.status.0,
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
