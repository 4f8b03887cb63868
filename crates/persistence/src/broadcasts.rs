//! Broadcast monitoring (BRD-2): the logs n8n pushed, per AWB and phone, with the day's
//! summary. Reading is for super admin, director and CS (RLS).

use chrono::{DateTime, NaiveDate, Utc};
use domain::list::PageRequest;
use domain::tickets::BroadcastStatus;
use sqlx::{FromRow, Postgres, QueryBuilder};

use crate::{
    list::{fetch_page, push_day_range, Export, SqlSort},
    tickets::BroadcastRow,
    DbError, Page, Stored, Tx,
};

pub const SORT: &[(&str, &str)] = &[
    ("broadcast_at", "b.broadcast_at"),
    ("tracking_number", "b.tracking_number"),
    ("status", "b.status"),
];

const SELECT_LOG: &str = "select b.id, b.tracking_number, b.consignee_phone, b.status, \
        b.message_content, b.error_message, b.broadcast_at \
   from broadcast_logs b";

/// The order without a sort, and after one: newest first.
const TIEBREAK: (&str, &str) = ("b.broadcast_at desc, b.id desc", "b.id desc");

#[derive(Debug, Clone, Default)]
pub struct BroadcastFilter {
    pub tracking_number: Option<String>,
    /// E.164 when it reads as a phone number, else as typed.
    pub phone: Option<String>,
    pub status: Vec<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

fn push_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a BroadcastFilter) {
    query.push(" where true");
    if let Some(awb) = filter.tracking_number.as_deref() {
        query.push(" and b.tracking_number = ").push_bind(awb);
    }
    if let Some(phone) = filter.phone.as_deref() {
        query.push(" and b.consignee_phone = ").push_bind(phone);
    }
    if !filter.status.is_empty() {
        query
            .push(" and b.status = any(")
            .push_bind(&filter.status)
            .push(")");
    }
    push_day_range(query, "b.broadcast_at", filter.from, filter.to);
}

pub async fn list(
    tx: &mut Tx,
    filter: &BroadcastFilter,
    page: PageRequest,
    sort: &[SqlSort],
) -> Result<Page<BroadcastRow>, DbError> {
    fetch_page(
        tx,
        "broadcast_logs b",
        SELECT_LOG,
        |query| push_filter(query, filter),
        sort,
        TIEBREAK,
        page,
    )
    .await
}

/// The logs of [`list`] for `filter` and `sort`, all pages, at most `limit` (EXP-1).
pub fn export<'a>(
    filter: &'a BroadcastFilter,
    sort: &[SqlSort],
    limit: i64,
) -> Export<'a, BroadcastRow> {
    Export::new(
        SELECT_LOG,
        |query| push_filter(query, filter),
        sort,
        TIEBREAK,
        limit,
    )
}

#[derive(Debug, Clone, FromRow)]
pub struct DayRow {
    pub day: NaiveDate,
    pub total: i64,
    pub success: i64,
    pub failed: i64,
    pub pending: i64,
}

#[derive(Debug, Clone, FromRow)]
pub struct ErrorCount {
    pub error_message: String,
    pub count: i64,
}

#[derive(Debug, Clone)]
pub struct Summary {
    pub today: NaiveDate,
    pub sent_today: i64,
    pub failed_today: i64,
    pub pending_today: i64,
    /// Oldest first, every day of the window (zeros included).
    pub days: Vec<DayRow>,
    pub top_errors: Vec<ErrorCount>,
}

/// Outcomes per day of the `days` days ending `today` (Asia/Jakarta), oldest first, every
/// day included.
pub async fn days(tx: &mut Tx, today: NaiveDate, days: i32) -> Result<Vec<DayRow>, DbError> {
    Ok(sqlx::query_as!(
        DayRow,
        r#"select d::date as "day!", coalesce(sum(c.count), 0)::bigint as "total!",
                coalesce(sum(c.count) filter (where c.status = 'success'), 0)::bigint as "success!",
                coalesce(sum(c.count) filter (where c.status = 'failed'), 0)::bigint as "failed!",
                coalesce(sum(c.count) filter (where c.status = 'pending'), 0)::bigint as "pending!"
           from generate_series($1::date - ($2 - 1), $1::date, interval '1 day') d
           left join broadcast_daily_counts c on c.day = d::date
          group by d order by d"#,
        today,
        days,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// BRD-2 summary for `today` (Asia/Jakarta): the day's counts, `days` days of outcomes
/// and the most frequent errors over them.
pub async fn summary(tx: &mut Tx, today: NaiveDate, days: i32) -> Result<Summary, DbError> {
    let rows = self::days(tx, today, days).await?;
    let top_errors: Vec<ErrorCount> = sqlx::query_as!(
        ErrorCount,
        r#"select c.error_message as "error_message!", sum(c.count)::bigint as "count!" from broadcast_daily_counts c
          where c.status = 'failed' and c.error_message <> '' and c.day >= $1::date - ($2 - 1)
          group by c.error_message order by 2 desc, c.error_message limit 10"#,
        today,
        days,
    )
    .fetch_all(&mut **tx)
    .await?;
    let last = rows.last();
    Ok(Summary {
        today,
        sent_today: last.map_or(0, |d| d.success),
        failed_today: last.map_or(0, |d| d.failed),
        pending_today: last.map_or(0, |d| d.pending),
        days: rows,
        top_errors,
    })
}

#[derive(Debug, Clone, FromRow)]
pub struct ShipmentRow {
    pub tracking_number: String,
    pub consignee_phone: Option<String>,
    pub last_status: Stored<BroadcastStatus>,
    pub last_message: Option<String>,
    pub last_error: Option<String>,
    pub last_broadcast_at: DateTime<Utc>,
    pub broadcast_count: i32,
    pub failed_count: i32,
}

pub async fn shipment(tx: &mut Tx, tracking_number: &str) -> Result<ShipmentRow, DbError> {
    sqlx::query_as!(
        ShipmentRow,
        r#"select tracking_number as "tracking_number!", consignee_phone as "consignee_phone?", last_status as "last_status!: Stored<BroadcastStatus>", last_message as "last_message?", last_error as "last_error?",
                last_broadcast_at as "last_broadcast_at!", broadcast_count as "broadcast_count!", failed_count as "failed_count!"
           from shipments where tracking_number = $1"#,
        tracking_number,
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)
}

#[derive(Debug, Clone, FromRow)]
pub struct RuleRow {
    pub rule: String,
    pub enabled: bool,
    pub priority: String,
    pub updated_by: Option<uuid::Uuid>,
    pub updated_at: DateTime<Utc>,
}

pub async fn rules(tx: &mut Tx) -> Result<Vec<RuleRow>, DbError> {
    Ok(sqlx::query_as!(
        RuleRow,
        r#"select rule as "rule!", enabled as "enabled!", priority as "priority!", updated_by as "updated_by?", updated_at as "updated_at!" from broadcast_rules order by rule"#,
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// Switches a rule (RLS: super and CS admins); NotFound for an unknown rule.
pub async fn update_rule(
    tx: &mut Tx,
    rule: &str,
    enabled: Option<bool>,
    priority: Option<&str>,
    by: uuid::Uuid,
) -> Result<RuleRow, DbError> {
    sqlx::query_as!(
        RuleRow,
        r#"update broadcast_rules set enabled = coalesce($2, enabled),
                priority = coalesce($3, priority), updated_by = $4
          where rule = $1
         returning rule as "rule!", enabled as "enabled!", priority as "priority!", updated_by as "updated_by?", updated_at as "updated_at!""#,
        rule,
        enabled,
        priority,
        by,
    )
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(DbError::NotFound)
}
