//! CRM-4 → CRM-5: an activity with the follow-up task its next action becomes, and a task
//! on its own, each written and read back by one service function over a transaction
//! that already carries the caller's RLS context.

use domain::crm::activity::FollowUp;
use uuid::Uuid;

use super::{
    activities::{self, ActivityRow, NewActivity},
    tasks::{self, NewTask, TaskRow},
};
use crate::{DbError, Tx};

/// A logged activity as the caller sees it, with the follow-up task made from it.
#[derive(Debug, Clone)]
pub struct LoggedActivity {
    pub activity: ActivityRow,
    pub task_id: Option<Uuid>,
}

/// Activity → its follow-up task (same owner and subject, linked to the activity) → the
/// activity read back, all or nothing.
pub async fn log_activity(
    tx: &mut Tx,
    activity: &NewActivity,
    follow_up: Option<&FollowUp>,
) -> Result<LoggedActivity, DbError> {
    let id = activities::insert(tx, activity).await?;
    let task_id = match follow_up {
        Some(follow_up) => Some(
            tasks::insert(
                tx,
                &NewTask {
                    title: follow_up.title.clone(),
                    description: String::new(),
                    due_at: follow_up.due_at,
                    remind_at: Some(follow_up.remind_at),
                    owner_user_id: activity.owner_user_id,
                    customer_id: Some(activity.customer_id),
                    prospect_id: activity.prospect_id,
                    lead_id: activity.lead_id,
                    activity_id: Some(id),
                    created_by: activity.created_by,
                },
            )
            .await?,
        ),
        None => None,
    };
    let activity = activities::get(tx, id).await?;
    Ok(LoggedActivity { activity, task_id })
}

/// Task → read back as the caller sees it (owner and customer names joined).
pub async fn create_task(tx: &mut Tx, task: &NewTask) -> Result<TaskRow, DbError> {
    let id = tasks::insert(tx, task).await?;
    tasks::get(tx, id).await
}
