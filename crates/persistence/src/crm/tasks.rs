//! Follow-ups and to-dos (CRM-5, USR-1) and the calendar.

use chrono::{DateTime, Utc};
use domain::crm::TaskStatus;
use domain::list::PageRequest;
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{contains_pattern, fetch_page, SqlSort},
    DbError, Page, Stored, Tx,
};

#[derive(Debug, Clone, FromRow)]
pub struct TaskRow {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub status: Stored<TaskStatus>,
    pub due_at: DateTime<Utc>,
    pub remind_at: Option<DateTime<Utc>>,
    pub reminded_at: Option<DateTime<Utc>>,
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

const SELECT_TASK: &str = "select t.id, t.title, t.description, t.status, t.due_at, t.remind_at, \
        t.reminded_at, (t.status = 'open' and t.due_at < now()) as overdue, t.owner_user_id, \
        o.full_name as owner_name, t.customer_id, c.company_name as customer_name, t.prospect_id, \
        t.lead_id, t.activity_id, t.completed_at, t.created_by, t.deleted_at, t.created_at, t.updated_at \
   from tasks t \
   left join profiles o on o.id = t.owner_user_id \
   left join customers c on c.id = t.customer_id";

pub const SORT: &[(&str, &str)] = &[
    ("due_at", "t.due_at"),
    ("created_at", "t.created_at"),
    ("title", "t.title"),
    ("status", "t.status"),
];

#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    pub q: Option<String>,
    pub status: Vec<String>,
    pub owner_user_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub overdue: Option<bool>,
    pub due_from: Option<DateTime<Utc>>,
    pub due_to: Option<DateTime<Utc>>,
    pub deleted: bool,
}

fn push_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a TaskFilter) {
    query.push(if filter.deleted {
        " where t.deleted_at is not null"
    } else {
        " where t.deleted_at is null"
    });
    if let Some(q) = filter.q.as_deref() {
        query
            .push(" and (t.title || ' ' || t.description) ilike ")
            .push_bind(contains_pattern(q));
    }
    if !filter.status.is_empty() {
        query
            .push(" and t.status = any(")
            .push_bind(&filter.status)
            .push(")");
    }
    if let Some(v) = filter.owner_user_id {
        query.push(" and t.owner_user_id = ").push_bind(v);
    }
    if let Some(v) = filter.customer_id {
        query.push(" and t.customer_id = ").push_bind(v);
    }
    if let Some(v) = filter.prospect_id {
        query.push(" and t.prospect_id = ").push_bind(v);
    }
    match filter.overdue {
        Some(true) => {
            query.push(" and t.status = 'open' and t.due_at < now()");
        }
        Some(false) => {
            query.push(" and not (t.status = 'open' and t.due_at < now())");
        }
        None => {}
    }
    if let Some(v) = filter.due_from {
        query.push(" and t.due_at >= ").push_bind(v);
    }
    if let Some(v) = filter.due_to {
        query.push(" and t.due_at < ").push_bind(v);
    }
}

pub async fn list(
    tx: &mut Tx,
    filter: &TaskFilter,
    page: PageRequest,
    sort: &[SqlSort],
) -> Result<Page<TaskRow>, DbError> {
    fetch_page(
        tx,
        "tasks t",
        SELECT_TASK,
        |query| push_filter(query, filter),
        sort,
        ("t.due_at asc, t.id", "t.id"),
        page,
    )
    .await
}

pub async fn get(tx: &mut Tx, id: Uuid) -> Result<TaskRow, DbError> {
    Ok(sqlx::query_as!(
        TaskRow,
        r#"select t.id as "id!", t.title as "title!", t.description as "description!", t.status as "status!: Stored<TaskStatus>", t.due_at as "due_at!", t.remind_at as "remind_at?",
        t.reminded_at as "reminded_at?", (t.status = 'open' and t.due_at < now()) as "overdue!", t.owner_user_id as "owner_user_id!",
        o.full_name as "owner_name?", t.customer_id as "customer_id?", c.company_name as "customer_name?", t.prospect_id as "prospect_id?",
        t.lead_id as "lead_id?", t.activity_id as "activity_id?", t.completed_at as "completed_at?", t.created_by as "created_by?", t.deleted_at as "deleted_at?", t.created_at as "created_at!", t.updated_at as "updated_at!"
   from tasks t
   left join profiles o on o.id = t.owner_user_id
   left join customers c on c.id = t.customer_id where t.id = $1"#,
        id,
    ).fetch_one(&mut **tx).await?)
}

#[derive(Debug, Clone)]
pub struct NewTask {
    pub title: String,
    pub description: String,
    pub due_at: DateTime<Utc>,
    pub remind_at: Option<DateTime<Utc>>,
    pub owner_user_id: Uuid,
    pub customer_id: Option<Uuid>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub activity_id: Option<Uuid>,
    pub created_by: Uuid,
}

pub async fn insert(tx: &mut Tx, new: &NewTask) -> Result<Uuid, DbError> {
    Ok(sqlx::query_scalar!(
        "insert into tasks (title, description, due_at, remind_at, owner_user_id, customer_id, \
                            prospect_id, lead_id, activity_id, created_by) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id",
        new.title,
        new.description,
        new.due_at,
        new.remind_at,
        new.owner_user_id,
        new.customer_id,
        new.prospect_id,
        new.lead_id,
        new.activity_id,
        new.created_by,
    )
    .fetch_one(&mut **tx)
    .await?)
}

#[derive(Debug, Clone, Default)]
pub struct TaskChanges {
    pub title: Option<String>,
    pub description: Option<String>,
    pub status: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub remind_at: Option<Option<DateTime<Utc>>>,
}

/// Applies `changes`; moving the due or reminder time re-arms the reminder.
pub async fn update(tx: &mut Tx, id: Uuid, changes: &TaskChanges) -> Result<TaskRow, DbError> {
    let mut query = QueryBuilder::<Postgres>::new("update tasks set updated_at = now()");
    if let Some(v) = &changes.title {
        query.push(", title = ").push_bind(v);
    }
    if let Some(v) = &changes.description {
        query.push(", description = ").push_bind(v);
    }
    if let Some(v) = &changes.status {
        query
            .push(", status = ")
            .push_bind(v)
            .push(", completed_at = case when ")
            .push_bind(v)
            .push(" = 'done' then coalesce(completed_at, now()) else null end");
    }
    if let Some(v) = changes.due_at {
        query.push(", due_at = ").push_bind(v);
    }
    if let Some(v) = changes.remind_at {
        query.push(", remind_at = ").push_bind(v);
    }
    if changes.due_at.is_some() || changes.remind_at.is_some() {
        query.push(", reminded_at = null");
    }
    query
        .push(" where id = ")
        .push_bind(id)
        .push(" and deleted_at is null returning id");
    let updated: Option<Uuid> = query.build_query_scalar().fetch_optional(&mut **tx).await?;
    get(tx, updated.ok_or(DbError::NotFound)?).await
}

pub async fn set_deleted(tx: &mut Tx, id: Uuid, deleted: bool) -> Result<(), DbError> {
    let sql = if deleted {
        "update tasks set deleted_at = now() where id = $1 and deleted_at is null"
    } else {
        "update tasks set deleted_at = null where id = $1 and deleted_at is not null"
    };
    let result = sqlx::query(sql).bind(id).execute(&mut **tx).await?;
    if result.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// One calendar entry (CRM-5): a task by its due time or an activity by its scheduled
/// (or logged) time.
#[derive(Debug, Clone, FromRow)]
pub struct CalendarRow {
    pub kind: String,
    pub id: Uuid,
    pub title: String,
    pub at: DateTime<Utc>,
    pub status: Option<String>,
    pub activity_type: Option<String>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    pub customer_id: Option<Uuid>,
    pub customer_name: Option<String>,
}

pub async fn calendar(
    tx: &mut Tx,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    owner: Option<Uuid>,
) -> Result<Vec<CalendarRow>, DbError> {
    Ok(sqlx::query_as!(
        CalendarRow,
        r#"select 'task' as "kind!", t.id as "id!", t.title as "title!", t.due_at as "at!", t.status as "status?", null::text as "activity_type?",
                t.owner_user_id as "owner_user_id?", o.full_name as "owner_name?", t.customer_id as "customer_id?", c.company_name as "customer_name?"
           from tasks t left join profiles o on o.id = t.owner_user_id
           left join customers c on c.id = t.customer_id
          where t.deleted_at is null and t.status <> 'cancelled' and t.due_at >= $1 and t.due_at < $2
            and ($3::uuid is null or t.owner_user_id = $3)
         union all
         select 'activity', a.id, a.subject, coalesce(a.scheduled_at, a.occurred_at), null, a.activity_type,
                a.owner_user_id, o.full_name, a.customer_id, c.company_name
           from sales_activities a left join profiles o on o.id = a.owner_user_id
           left join customers c on c.id = a.customer_id
          where a.deleted_at is null and a.activity_type <> 'system'
            and coalesce(a.scheduled_at, a.occurred_at) >= $1 and coalesce(a.scheduled_at, a.occurred_at) < $2
            and ($3::uuid is null or a.owner_user_id = $3)
          order by 4 limit 2000"#,
        from,
        to,
        owner,
    )
    .fetch_all(&mut **tx)
    .await?)
}
