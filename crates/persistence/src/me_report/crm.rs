//! The CRM sections of the personal report: my leads, activities and tasks, each figure
//! the `total` of the module's list with the filter its link in the report uses.

use chrono::NaiveDate;
use domain::{
    crm::{ActivityType, LeadStatus, TaskStatus},
    kpi::period::Period,
    me_report::{instants, lead_ownership, LeadOwnership},
};
use uuid::Uuid;

use super::COUNT_ONLY;
use crate::{
    crm::{
        activities::{self, ActivityFilter},
        leads::{self, LeadFilter},
        marketing,
        tasks::{self, TaskFilter},
    },
    DbError, Tx, UserPrincipal,
};

/// Leads of mine created in the period (`GET leads?owner=me&from&to`, or
/// `marketing_owner=me` for marketing).
#[derive(Debug, Clone)]
pub struct LeadFigures {
    pub ownership: LeadOwnership,
    pub total: i64,
    /// Per status, in the order of [`LeadStatus::ALL`].
    pub by_status: Vec<(LeadStatus, i64)>,
    /// Per channel with at least one lead, in the channels' display order.
    pub by_channel: Vec<ChannelCount>,
}

#[derive(Debug, Clone)]
pub struct ChannelCount {
    pub code: String,
    pub name: String,
    pub count: i64,
}

/// My activities dated in the period (`GET activities?owner=me&from&to`).
#[derive(Debug, Clone)]
pub struct ActivityFigures {
    pub total: i64,
    /// Per logged type, in the order of [`ActivityType::ALL`].
    pub by_type: Vec<(ActivityType, i64)>,
    /// The application's own entries (stage changes, RFQs).
    pub system: i64,
    /// Visits dated up to the report's day (later ones are still planned).
    pub visits_done: i64,
}

/// My tasks (`GET tasks?owner=me&…`).
#[derive(Debug, Clone)]
pub struct TaskFigures {
    /// Open now.
    pub open: i64,
    /// Open now and past their due time.
    pub overdue: i64,
    /// Open and due in the period.
    pub due: i64,
    /// Done, of those due in the period.
    pub done: i64,
}

async fn count_leads(tx: &mut Tx, filter: &LeadFilter) -> Result<i64, DbError> {
    Ok(leads::list(tx, filter, COUNT_ONLY, &[]).await?.total)
}

pub(super) async fn leads(
    tx: &mut Tx,
    user: &UserPrincipal,
    period: &Period,
) -> Result<LeadFigures, DbError> {
    let ownership = lead_ownership(user.role);
    let mut mine = LeadFilter {
        from: Some(period.start),
        to: Some(period.end),
        ..LeadFilter::default()
    };
    match ownership {
        LeadOwnership::Sales => mine.sales_owner_user_id = Some(user.id),
        LeadOwnership::Marketing => mine.marketing_owner_user_id = Some(user.id),
    }
    let total = count_leads(tx, &mine).await?;
    let mut by_status = Vec::with_capacity(LeadStatus::ALL.len());
    for status in LeadStatus::ALL {
        let filter = LeadFilter {
            status: vec![status.as_str().to_owned()],
            ..mine.clone()
        };
        by_status.push((*status, count_leads(tx, &filter).await?));
    }
    let mut by_channel = Vec::new();
    for channel in marketing::channels(tx).await? {
        let filter = LeadFilter {
            channel: vec![channel.code.clone()],
            ..mine.clone()
        };
        let count = count_leads(tx, &filter).await?;
        if count > 0 {
            by_channel.push(ChannelCount {
                code: channel.code,
                name: channel.name,
                count,
            });
        }
    }
    Ok(LeadFigures {
        ownership,
        total,
        by_status,
        by_channel,
    })
}

async fn count_activities(tx: &mut Tx, filter: &ActivityFilter) -> Result<i64, DbError> {
    Ok(activities::list(tx, filter, COUNT_ONLY, &[]).await?.total)
}

pub(super) async fn activities(
    tx: &mut Tx,
    me: Uuid,
    period: &Period,
    as_of: NaiveDate,
) -> Result<ActivityFigures, DbError> {
    let mine = ActivityFilter {
        owner_user_id: Some(me),
        from: Some(period.start),
        to: Some(period.end),
        include_system: true,
        ..ActivityFilter::default()
    };
    let of_type = |kind: &str| ActivityFilter {
        activity_type: vec![kind.to_owned()],
        ..mine.clone()
    };
    let total = count_activities(tx, &mine).await?;
    let mut by_type = Vec::with_capacity(ActivityType::ALL.len());
    for kind in ActivityType::ALL {
        by_type.push((*kind, count_activities(tx, &of_type(kind.as_str())).await?));
    }
    let system = count_activities(tx, &of_type("system")).await?;
    let done = ActivityFilter {
        to: Some(as_of),
        ..of_type(ActivityType::Visit.as_str())
    };
    let visits_done = if as_of < period.start {
        0
    } else {
        count_activities(tx, &done).await?
    };
    Ok(ActivityFigures {
        total,
        by_type,
        system,
        visits_done,
    })
}

async fn count_tasks(tx: &mut Tx, filter: &TaskFilter) -> Result<i64, DbError> {
    Ok(tasks::list(tx, filter, COUNT_ONLY, &[]).await?.total)
}

pub(super) async fn tasks(tx: &mut Tx, me: Uuid, period: &Period) -> Result<TaskFigures, DbError> {
    let (from, to) = instants(period);
    let status = |s: TaskStatus| vec![s.as_str().to_owned()];
    let open = TaskFilter {
        owner_user_id: Some(me),
        status: status(TaskStatus::Open),
        ..TaskFilter::default()
    };
    let overdue = TaskFilter {
        overdue: Some(true),
        ..open.clone()
    };
    let due = TaskFilter {
        due_from: Some(from),
        due_to: Some(to),
        ..open.clone()
    };
    let done = TaskFilter {
        status: status(TaskStatus::Done),
        ..due.clone()
    };
    Ok(TaskFigures {
        open: count_tasks(tx, &open).await?,
        overdue: count_tasks(tx, &overdue).await?,
        due: count_tasks(tx, &due).await?,
        done: count_tasks(tx, &done).await?,
    })
}
