//! KPI-2: targets — list, create and change (an overlap with another target of the same
//! metric and assignee is a conflict naming that target), delete, copy a month's targets
//! to another month, split a longer target by month.

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    kpi::{
        assignee::Assignee,
        target::{NewTarget, TargetPatch},
        AssigneeKind,
    },
    list::PageRequest,
    FieldErrors,
};
use uuid::Uuid;

use super::{assignee_columns, definitions};
use crate::{DbError, Page, Stored, Tx};

/// A target as lists show it.
#[derive(Debug, Clone)]
pub struct TargetRow {
    pub id: Uuid,
    pub metric_key: String,
    pub assignee_kind: Stored<AssigneeKind>,
    pub assignee_user_id: Option<Uuid>,
    pub assignee_user_name: Option<String>,
    pub assignee_dept: Option<String>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub target_value: String,
    pub note: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Filters of `GET kpi/targets`: days overlapping [from, to].
#[derive(Debug, Clone, Default)]
pub struct TargetFilter {
    pub metric_key: Option<String>,
    pub assignee: Option<Assignee>,
    pub dept: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Why a target write failed.
#[derive(Debug)]
pub enum TargetError {
    /// Overlaps this target (`None` when the caller may not read it).
    Overlap(Option<Box<TargetRow>>),
    Fields(FieldErrors),
    Db(DbError),
}

impl From<DbError> for TargetError {
    fn from(err: DbError) -> Self {
        Self::Db(err)
    }
}

impl From<sqlx::Error> for TargetError {
    fn from(err: sqlx::Error) -> Self {
        Self::Db(err.into())
    }
}

macro_rules! select_targets {
    ($where:literal, $($arg:expr),* $(,)?) => {
        sqlx::query_as!(
            TargetRow,
            r#"select t.id, t.metric_key, t.assignee_kind as "assignee_kind: Stored<AssigneeKind>",
                      t.assignee_user_id, p.full_name as "assignee_user_name?", t.assignee_dept,
                      t.period_start, t.period_end, t.target_value::text as "target_value!", t.note,
                      t.created_by, t.created_at, t.updated_at
                 from kpi_targets t
                 join kpi_metric_definitions d on d.metric_key = t.metric_key
                 left join profiles p on p.id = t.assignee_user_id
                where "# + $where,
            $($arg),*
        )
    };
}

/// Targets the caller may read, newest period first.
pub async fn list(
    tx: &mut Tx,
    filter: &TargetFilter,
    page: PageRequest,
) -> Result<Page<TargetRow>, DbError> {
    let (kind, user, dept) = filter
        .assignee
        .map(assignee_columns)
        .map_or((None, None, None), |(k, u, d)| (Some(k), u, d));
    let rows = select_targets!(
        r#"($1::text is null or t.metric_key = $1)
           and ($2::text is null or t.assignee_key = app.kpi_assignee_key($2, $3, $4))
           and ($5::text is null or d.dept = $5)
           and ($6::date is null or t.period_end >= $6)
           and ($7::date is null or t.period_start <= $7)
         order by t.period_start desc, d.sort_order, t.assignee_key
         limit $8 offset $9"#,
        filter.metric_key,
        kind,
        user,
        dept,
        filter.dept,
        filter.from,
        filter.to,
        page.limit(),
        page.offset(),
    )
    .fetch_all(&mut **tx)
    .await?;
    let total = sqlx::query_scalar!(
        r#"select count(*) as "n!" from kpi_targets t join kpi_metric_definitions d on d.metric_key = t.metric_key
            where ($1::text is null or t.metric_key = $1)
              and ($2::text is null or t.assignee_key = app.kpi_assignee_key($2, $3, $4))
              and ($5::text is null or d.dept = $5)
              and ($6::date is null or t.period_end >= $6)
              and ($7::date is null or t.period_start <= $7)"#,
        filter.metric_key,
        kind,
        user,
        dept,
        filter.dept,
        filter.from,
        filter.to,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(Page {
        rows,
        total,
        capped: false,
    })
}

/// One target the caller may read.
pub async fn get(tx: &mut Tx, id: Uuid) -> Result<TargetRow, DbError> {
    select_targets!("t.id = $1", id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(DbError::NotFound)
}

/// The target of the same metric and assignee whose days overlap [start, end], other than
/// `except`, if the caller may read it.
async fn overlapping(
    tx: &mut Tx,
    metric: &str,
    assignee: Assignee,
    start: NaiveDate,
    end: NaiveDate,
    except: Option<Uuid>,
) -> Result<Option<TargetRow>, DbError> {
    let (kind, user, dept) = assignee_columns(assignee);
    Ok(select_targets!(
        r#"t.metric_key = $1 and t.assignee_key = app.kpi_assignee_key($2, $3, $4)
           and daterange(t.period_start, t.period_end, '[]') && daterange($5, $6, '[]')
           and t.id is distinct from $7
         order by t.period_start limit 1"#,
        metric,
        kind,
        user,
        dept,
        start,
        end,
        except,
    )
    .fetch_optional(&mut **tx)
    .await?)
}

/// Queues writers of one metric and assignee behind each other until commit. Two
/// transactions inserting overlapping targets at once would otherwise each wait on the
/// other's row in the exclusion constraint, and one would end in a deadlock (a 500)
/// instead of the 409 naming the target it overlaps.
async fn lock_series(tx: &mut Tx, metric: &str, assignee: Assignee) -> Result<(), DbError> {
    let (kind, user, dept) = assignee_columns(assignee);
    sqlx::query_scalar!(
        r#"select 1 as "locked!" from (select pg_advisory_xact_lock(hashtextextended(
             'kpi_targets:' || $1 || ':' || app.kpi_assignee_key($2, $3, $4), 0))) l"#,
        metric,
        kind,
        user,
        dept,
    )
    .fetch_one(&mut **tx)
    .await?;
    Ok(())
}

/// Settles a write made after `savepoint kpi_target_write`: an exclusion violation (an
/// overlap, also one lost to a concurrent insert) becomes [`TargetError::Overlap`] with the
/// target it overlaps.
async fn settle<T>(
    tx: &mut Tx,
    result: Result<T, sqlx::Error>,
    overlap: (&str, Assignee, NaiveDate, NaiveDate, Option<Uuid>),
) -> Result<T, TargetError> {
    match result.map_err(DbError::from) {
        Ok(value) => {
            sqlx::query!("release savepoint kpi_target_write")
                .execute(&mut **tx)
                .await?;
            Ok(value)
        }
        Err(DbError::Exclusion { .. }) => {
            sqlx::query!("rollback to savepoint kpi_target_write")
                .execute(&mut **tx)
                .await?;
            let (metric, assignee, start, end, except) = overlap;
            let found = overlapping(tx, metric, assignee, start, end, except).await?;
            Err(TargetError::Overlap(found.map(Box::new)))
        }
        Err(other) => Err(TargetError::Db(other)),
    }
}

pub(super) async fn known_metric(
    tx: &mut Tx,
    key: &str,
) -> Result<definitions::MetricRow, TargetError> {
    match definitions::get(tx, key).await {
        Err(DbError::NotFound) => Err(TargetError::Fields(FieldErrors::single(
            "metric_key",
            "is not a metric",
        ))),
        other => Ok(other?),
    }
}

/// Records a target. 409 ([`TargetError::Overlap`]) when its days overlap another target
/// of the metric and assignee; row-level security decides who may set it.
pub async fn create(tx: &mut Tx, target: &NewTarget) -> Result<TargetRow, TargetError> {
    known_metric(tx, &target.metric_key).await?;
    lock_series(tx, &target.metric_key, target.assignee).await?;
    let (kind, user, dept) = assignee_columns(target.assignee);
    sqlx::query!("savepoint kpi_target_write")
        .execute(&mut **tx)
        .await?;
    let insert = sqlx::query_scalar!(
        r#"insert into kpi_targets (metric_key, assignee_kind, assignee_user_id, assignee_dept,
                                    period_start, period_end, target_value, note, created_by)
           values ($1, $2, $3, $4, $5, $6, $7::text::numeric, $8, app.uid()) returning id"#,
        target.metric_key,
        kind,
        user,
        dept,
        target.period_start,
        target.period_end,
        target.target_value.as_str(),
        target.note,
    )
    .fetch_one(&mut **tx)
    .await;
    let key = (
        target.metric_key.as_str(),
        target.assignee,
        target.period_start,
        target.period_end,
        None,
    );
    let id = settle(tx, insert, key).await?;
    Ok(get(tx, id).await?)
}

pub(super) fn assignee_of(row: &TargetRow) -> Result<Assignee, DbError> {
    Assignee::from_columns(
        row.assignee_kind.0,
        row.assignee_user_id,
        row.assignee_dept.as_deref(),
    )
    .ok_or_else(|| DbError::InvalidValue("a target without its assignee".to_owned()))
}

/// Changes a target's days, value or note; the same overlap rule as [`create`].
pub async fn update(tx: &mut Tx, id: Uuid, patch: &TargetPatch) -> Result<TargetRow, TargetError> {
    let current = get(tx, id).await?;
    let start = patch.period_start.unwrap_or(current.period_start);
    let end = patch.period_end.unwrap_or(current.period_end);
    if end < start {
        return Err(TargetError::Fields(FieldErrors::single(
            "period_end",
            "must be on or after period_start",
        )));
    }
    lock_series(tx, &current.metric_key, assignee_of(&current)?).await?;
    sqlx::query!("savepoint kpi_target_write")
        .execute(&mut **tx)
        .await?;
    let result = sqlx::query_scalar!(
        r#"update kpi_targets
              set period_start = $2, period_end = $3,
                  target_value = coalesce($4::text::numeric, target_value), note = coalesce($5, note)
            where id = $1 returning id"#,
        id,
        start,
        end,
        patch.target_value.as_ref().map(|v| v.as_str()),
        patch.note,
    )
    .fetch_optional(&mut **tx)
    .await;
    let key = (
        current.metric_key.as_str(),
        assignee_of(&current)?,
        start,
        end,
        Some(id),
    );
    match settle(tx, result, key).await? {
        Some(_) => Ok(get(tx, id).await?),
        // Readable but not the caller's to change.
        None => Err(TargetError::Db(DbError::PermissionDenied(
            "kpi target".to_owned(),
        ))),
    }
}

/// Deletes a target: 404 when the caller cannot read it, 403 when they may not set it.
pub async fn delete(tx: &mut Tx, id: Uuid) -> Result<(), DbError> {
    get(tx, id).await?;
    sqlx::query_scalar!("delete from kpi_targets where id = $1 returning id", id)
        .fetch_optional(&mut **tx)
        .await?
        .map(|_| ())
        .ok_or_else(|| DbError::PermissionDenied("kpi target".to_owned()))
}
