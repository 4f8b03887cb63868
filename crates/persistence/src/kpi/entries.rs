//! KPI-3: entries of MANUAL and IMPORTED metrics (AUTO metrics refuse them).

use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    kpi::{assignee::Assignee, entry::NewEntry, AssigneeKind, EntrySource, KpiSource},
    list::PageRequest,
    FieldErrors,
};
use uuid::Uuid;

use super::{assignee_columns, definitions};
use crate::{DbError, Page, Stored, Tx};

/// An entry as lists show it.
#[derive(Debug, Clone)]
pub struct EntryRow {
    pub id: Uuid,
    pub metric_key: String,
    pub assignee_kind: Stored<AssigneeKind>,
    pub assignee_user_id: Option<Uuid>,
    pub assignee_user_name: Option<String>,
    pub assignee_dept: Option<String>,
    pub entry_date: NaiveDate,
    pub value: String,
    pub note: String,
    pub evidence_file_id: Option<Uuid>,
    pub source: Stored<EntrySource>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// Filters of `GET kpi/entries`.
#[derive(Debug, Clone, Default)]
pub struct EntryFilter {
    pub metric_key: Option<String>,
    pub assignee: Option<Assignee>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Why an entry was refused.
#[derive(Debug)]
pub enum EntryError {
    Fields(FieldErrors),
    Db(DbError),
}

impl From<DbError> for EntryError {
    fn from(err: DbError) -> Self {
        Self::Db(err)
    }
}

macro_rules! select_entries {
    ($where:literal, $($arg:expr),* $(,)?) => {
        sqlx::query_as!(
            EntryRow,
            r#"select e.id, e.metric_key, e.assignee_kind as "assignee_kind: Stored<AssigneeKind>",
                      e.assignee_user_id, p.full_name as "assignee_user_name?", e.assignee_dept,
                      e.entry_date, e.value::text as "value!", e.note, e.evidence_file_id,
                      e.source as "source: Stored<EntrySource>", e.created_by, e.created_at
                 from kpi_entries e
                 left join profiles p on p.id = e.assignee_user_id
                where "# + $where,
            $($arg),*
        )
    };
}

/// Entries the caller may read, newest first.
pub async fn list(
    tx: &mut Tx,
    filter: &EntryFilter,
    page: PageRequest,
) -> Result<Page<EntryRow>, DbError> {
    let (kind, user, dept) = filter
        .assignee
        .map(assignee_columns)
        .map_or((None, None, None), |(k, u, d)| (Some(k), u, d));
    let rows = select_entries!(
        r#"($1::text is null or e.metric_key = $1)
           and ($2::text is null or app.kpi_assignee_key(e.assignee_kind, e.assignee_user_id, e.assignee_dept)
                                    = app.kpi_assignee_key($2, $3, $4))
           and ($5::date is null or e.entry_date >= $5)
           and ($6::date is null or e.entry_date <= $6)
         order by e.entry_date desc, e.created_at desc
         limit $7 offset $8"#,
        filter.metric_key,
        kind,
        user,
        dept,
        filter.from,
        filter.to,
        page.limit(),
        page.offset(),
    )
    .fetch_all(&mut **tx)
    .await?;
    let total = sqlx::query_scalar!(
        r#"select count(*) as "n!" from kpi_entries e
            where ($1::text is null or e.metric_key = $1)
              and ($2::text is null or app.kpi_assignee_key(e.assignee_kind, e.assignee_user_id, e.assignee_dept)
                                       = app.kpi_assignee_key($2, $3, $4))
              and ($5::date is null or e.entry_date >= $5)
              and ($6::date is null or e.entry_date <= $6)"#,
        filter.metric_key,
        kind,
        user,
        dept,
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

/// Records a value of a MANUAL or IMPORTED metric; an AUTO metric refuses it (422).
pub async fn create(
    tx: &mut Tx,
    entry: &NewEntry,
    source: EntrySource,
) -> Result<EntryRow, EntryError> {
    let metric = match definitions::get(tx, &entry.metric_key).await {
        Err(DbError::NotFound) => {
            return Err(EntryError::Fields(FieldErrors::single(
                "metric_key",
                "is not a metric",
            )))
        }
        other => other?,
    };
    if metric.source.0 == KpiSource::Auto {
        return Err(EntryError::Fields(FieldErrors::single(
            "metric_key",
            "is computed from the transactions (AUTO); it takes no entries",
        )));
    }
    let (kind, user, dept) = assignee_columns(entry.assignee);
    let id = sqlx::query_scalar!(
        r#"insert into kpi_entries (metric_key, assignee_kind, assignee_user_id, assignee_dept, entry_date,
                                    value, note, evidence_file_id, source, created_by)
           values ($1, $2, $3, $4, $5, $6::text::numeric, $7, $8, $9, app.uid()) returning id"#,
        entry.metric_key,
        kind,
        user,
        dept,
        entry.entry_date,
        entry.value.as_str(),
        entry.note,
        entry.evidence_file_id,
        source.as_str(),
    )
    .fetch_one(&mut **tx)
    .await
    .map_err(DbError::from)?;
    Ok(select_entries!("e.id = $1", id)
        .fetch_one(&mut **tx)
        .await
        .map_err(DbError::from)?)
}
