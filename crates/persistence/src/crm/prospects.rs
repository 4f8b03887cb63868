//! Prospects and the pipeline (CRM-3): lists, stage changes with history, the kanban
//! board and the forecast.

use chrono::{DateTime, NaiveDate, Utc};
use domain::crm::Stage;
use domain::list::PageRequest;
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{
    list::{contains_pattern, fetch_page, Export, SqlSort},
    DbError, Page, Stored, Tx,
};

#[derive(Debug, Clone, FromRow)]
pub struct ProspectRow {
    pub id: Uuid,
    pub prospect_code: String,
    pub customer_id: Uuid,
    pub customer_code: Option<String>,
    pub customer_name: Option<String>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    pub stage: Stored<Stage>,
    pub probability: String,
    pub expected_value: String,
    pub weighted_value: String,
    pub expected_close_date: Option<NaiveDate>,
    pub lost_reason: Option<String>,
    pub service_interest: Option<String>,
    pub notes: String,
    pub stage_changed_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const SELECT_PROSPECT: &str = "select p.id, p.prospect_code, p.customer_id, c.customer_code, \
        c.company_name as customer_name, p.owner_user_id, o.full_name as owner_name, p.stage, \
        s.probability::text as probability, p.expected_value::text as expected_value, \
        round(p.expected_value * s.probability / 100, 2)::text as weighted_value, \
        p.expected_close_date, p.lost_reason, p.service_interest, p.notes, p.stage_changed_at, \
        p.deleted_at, p.created_at, p.updated_at \
   from prospects p \
   join pipeline_stages s on s.code = p.stage \
   left join customers c on c.id = p.customer_id \
   left join profiles o on o.id = p.owner_user_id";

pub const SORT: &[(&str, &str)] = &[
    ("created_at", "p.created_at"),
    ("updated_at", "p.updated_at"),
    ("prospect_code", "p.prospect_code"),
    ("stage", "s.position"),
    ("expected_value", "p.expected_value"),
    ("expected_close_date", "p.expected_close_date"),
    ("stage_changed_at", "p.stage_changed_at"),
];

#[derive(Debug, Clone, Default)]
pub struct ProspectFilter {
    /// Text over the customer's name and the prospect code.
    pub q: Option<String>,
    pub stage: Vec<String>,
    pub owner_user_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub unassigned: Option<bool>,
    pub close_from: Option<NaiveDate>,
    pub close_to: Option<NaiveDate>,
    pub deleted: bool,
}

fn push_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a ProspectFilter) {
    query.push(if filter.deleted {
        " where p.deleted_at is not null"
    } else {
        " where p.deleted_at is null"
    });
    if let Some(q) = filter.q.as_deref() {
        query
            .push(" and (p.prospect_code = ")
            .push_bind(q.to_uppercase())
            .push(" or exists (select 1 from customers cq where cq.id = p.customer_id and cq.company_name ilike ")
            .push_bind(contains_pattern(q))
            .push("))");
    }
    if !filter.stage.is_empty() {
        query
            .push(" and p.stage = any(")
            .push_bind(&filter.stage)
            .push(")");
    }
    if let Some(owner) = filter.owner_user_id {
        query.push(" and p.owner_user_id = ").push_bind(owner);
    }
    match filter.unassigned {
        Some(true) => {
            query.push(" and p.owner_user_id is null");
        }
        Some(false) => {
            query.push(" and p.owner_user_id is not null");
        }
        None => {}
    }
    if let Some(customer) = filter.customer_id {
        query.push(" and p.customer_id = ").push_bind(customer);
    }
    if let Some(from) = filter.close_from {
        query.push(" and p.expected_close_date >= ").push_bind(from);
    }
    if let Some(to) = filter.close_to {
        query.push(" and p.expected_close_date <= ").push_bind(to);
    }
}

pub async fn list(
    tx: &mut Tx,
    filter: &ProspectFilter,
    page: PageRequest,
    sort: &[SqlSort],
) -> Result<Page<ProspectRow>, DbError> {
    fetch_page(
        tx,
        "prospects p",
        SELECT_PROSPECT,
        |query| push_filter(query, filter),
        sort,
        ("p.updated_at desc, p.id", "p.id"),
        page,
    )
    .await
}

/// Every row matching `filter` for an export, in the list's order, at most `limit` (EXP-1).
pub fn export<'a>(
    filter: &'a ProspectFilter,
    sort: &[SqlSort],
    limit: i64,
) -> Export<'a, ProspectRow> {
    Export::new(
        SELECT_PROSPECT,
        |query| push_filter(query, filter),
        sort,
        ("p.updated_at desc, p.id", "p.id"),
        limit,
    )
}

pub async fn get(tx: &mut Tx, id: Uuid) -> Result<ProspectRow, DbError> {
    Ok(sqlx::query_as!(
        ProspectRow,
        r#"select p.id as "id!", p.prospect_code as "prospect_code!", p.customer_id as "customer_id!", c.customer_code as "customer_code?",
        c.company_name as "customer_name?", p.owner_user_id as "owner_user_id?", o.full_name as "owner_name?", p.stage as "stage!: Stored<Stage>",
        s.probability::text as "probability!", p.expected_value::text as "expected_value!",
        round(p.expected_value * s.probability / 100, 2)::text as "weighted_value!",
        p.expected_close_date as "expected_close_date?", p.lost_reason as "lost_reason?", p.service_interest as "service_interest?", p.notes as "notes!", p.stage_changed_at as "stage_changed_at!",
        p.deleted_at as "deleted_at?", p.created_at as "created_at!", p.updated_at as "updated_at!"
   from prospects p
   join pipeline_stages s on s.code = p.stage
   left join customers c on c.id = p.customer_id
   left join profiles o on o.id = p.owner_user_id where p.id = $1"#,
        id,
    ).fetch_one(&mut **tx).await?)
}

#[derive(Debug, Clone, FromRow)]
pub struct StageHistoryRow {
    pub from_stage: Option<Stored<Stage>>,
    pub to_stage: Stored<Stage>,
    pub lost_reason: Option<String>,
    pub changed_by: Option<Uuid>,
    pub changed_by_name: Option<String>,
    pub changed_at: DateTime<Utc>,
}

pub async fn stage_history(tx: &mut Tx, id: Uuid) -> Result<Vec<StageHistoryRow>, DbError> {
    Ok(sqlx::query_as!(
        StageHistoryRow,
        r#"select h.from_stage as "from_stage?: Stored<Stage>", h.to_stage as "to_stage!: Stored<Stage>", h.lost_reason as "lost_reason?", h.changed_by as "changed_by?", pr.full_name as "changed_by_name?",
                h.changed_at as "changed_at!"
           from prospect_stage_history h left join profiles pr on pr.id = h.changed_by
          where h.prospect_id = $1 order by h.changed_at, h.id"#,
        id,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// Moves a live prospect to `stage`; the trigger writes the history and a system
/// activity. [`DbError::NotFound`] when the caller cannot see or change it.
pub async fn change_stage(
    tx: &mut Tx,
    id: Uuid,
    stage: &str,
    lost_reason: Option<&str>,
) -> Result<ProspectRow, DbError> {
    let updated: Option<Uuid> = sqlx::query_scalar!(
        "update prospects set stage = $2, lost_reason = case when $2 = 'lost' then $3 else null end \
          where id = $1 and deleted_at is null returning id",
        id,
        stage,
        lost_reason,
    )
    .fetch_optional(&mut **tx)
    .await?;
    get(tx, updated.ok_or(DbError::NotFound)?).await
}

#[derive(Debug, Clone, Default)]
pub struct ProspectChanges {
    /// Decimal text, already validated.
    pub expected_value: Option<String>,
    pub expected_close_date: Option<Option<NaiveDate>>,
    pub service_interest: Option<Option<String>>,
    pub notes: Option<String>,
}

pub async fn update(
    tx: &mut Tx,
    id: Uuid,
    changes: &ProspectChanges,
) -> Result<ProspectRow, DbError> {
    let mut query = QueryBuilder::<Postgres>::new("update prospects set updated_at = now()");
    if let Some(v) = &changes.expected_value {
        query
            .push(", expected_value = ")
            .push_bind(v)
            .push("::numeric");
    }
    if let Some(v) = &changes.expected_close_date {
        query.push(", expected_close_date = ").push_bind(*v);
    }
    if let Some(v) = &changes.service_interest {
        query.push(", service_interest = ").push_bind(v);
    }
    if let Some(v) = &changes.notes {
        query.push(", notes = ").push_bind(v);
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
        "update prospects set deleted_at = now() where id = $1 and deleted_at is null"
    } else {
        "update prospects set deleted_at = null where id = $1 and deleted_at is not null"
    };
    let result = sqlx::query(sql).bind(id).execute(&mut **tx).await?;
    if result.rows_affected() == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// One column of the kanban board: totals over every matching prospect, cards for the
/// most recently moved ones.
#[derive(Debug, Clone, FromRow)]
pub struct StageTotals {
    pub stage: Stored<Stage>,
    pub name: String,
    pub position: i32,
    pub probability: String,
    pub count: i64,
    pub total_value: String,
    pub weighted_value: String,
}

pub async fn board(
    tx: &mut Tx,
    owner: Option<Uuid>,
    cards_per_stage: i64,
) -> Result<(Vec<StageTotals>, Vec<ProspectRow>), DbError> {
    let totals = sqlx::query_as(
        "select s.code as stage, s.name, s.position, s.probability::text as probability, \
                count(p.id) as count, coalesce(sum(p.expected_value), 0)::text as total_value, \
                round(coalesce(sum(p.expected_value), 0) * s.probability / 100, 2)::text as weighted_value \
           from pipeline_stages s \
           left join prospects p on p.stage = s.code and p.deleted_at is null \
                and ($1::uuid is null or p.owner_user_id = $1) \
          group by s.code, s.name, s.position, s.probability \
          order by case when s.code = 'lost' then 99 else s.position end",
    )
    .bind(owner)
    .fetch_all(&mut **tx)
    .await?;
    let cards = sqlx::query_as(
        "select p.id, p.prospect_code, p.customer_id, c.customer_code, \
        c.company_name as customer_name, p.owner_user_id, o.full_name as owner_name, p.stage, \
        s.probability::text as probability, p.expected_value::text as expected_value, \
        round(p.expected_value * s.probability / 100, 2)::text as weighted_value, \
        p.expected_close_date, p.lost_reason, p.service_interest, p.notes, p.stage_changed_at, \
        p.deleted_at, p.created_at, p.updated_at \
   from prospects p \
   join pipeline_stages s on s.code = p.stage \
   left join customers c on c.id = p.customer_id \
   left join profiles o on o.id = p.owner_user_id where p.id in ( \
           select ranked.id from pipeline_stages st cross join lateral ( \
             select x.id from prospects x \
              where x.stage = st.code and x.deleted_at is null \
                and ($1::uuid is null or x.owner_user_id = $1) \
              order by x.stage_changed_at desc limit $2) ranked) \
         order by p.stage_changed_at desc",
    )
    .bind(owner)
    .bind(cards_per_stage)
    .fetch_all(&mut **tx)
    .await?;
    Ok((totals, cards))
}

/// Forecast per expected-close month (CRM-3): Σ expected_value × stage probability.
#[derive(Debug, Clone, FromRow)]
pub struct ForecastRow {
    pub month: String,
    pub count: i64,
    pub expected_value: String,
    pub weighted_value: String,
}

pub async fn forecast(
    tx: &mut Tx,
    from: NaiveDate,
    to: NaiveDate,
    owner: Option<Uuid>,
) -> Result<Vec<ForecastRow>, DbError> {
    Ok(sqlx::query_as!(
        ForecastRow,
        r#"with months as (
           select to_char(m, 'YYYY-MM') as month
             from generate_series(date_trunc('month', $1::date), date_trunc('month', $2::date),
                                  interval '1 month') m)
         select months.month as "month!", count(p.id) as "count!",
                coalesce(sum(p.expected_value), 0)::text as "expected_value!",
                round(coalesce(sum(p.expected_value * s.probability / 100), 0), 2)::text as "weighted_value!"
           from months
           left join prospects p on to_char(p.expected_close_date, 'YYYY-MM') = months.month
                and p.deleted_at is null and p.stage <> 'lost'
                and p.expected_close_date between $1 and $2
                and ($3::uuid is null or p.owner_user_id = $3)
           left join pipeline_stages s on s.code = p.stage
          group by months.month order by months.month"#,
        from,
        to,
        owner,
    )
    .fetch_all(&mut **tx)
    .await?)
}
