//! PLT-AUDIT reads: `GET /audit-logs`.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, Postgres, QueryBuilder};
use uuid::Uuid;

use crate::{DbError, Page, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub table_name: String,
    pub row_id: Option<String>,
    pub action: String,
    pub changed_by: Option<Uuid>,
    pub api_key_id: Option<Uuid>,
    pub request_id: Option<String>,
    pub before_data: Option<serde_json::Value>,
    pub after_data: Option<serde_json::Value>,
    pub changed_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub table_name: Option<String>,
    pub row_id: Option<String>,
    pub changed_by: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

fn push_filter<'a>(query: &mut QueryBuilder<'a, Postgres>, filter: &'a AuditFilter) {
    query.push(" where true");
    if let Some(table) = &filter.table_name {
        query.push(" and table_name = ").push_bind(table);
    }
    if let Some(row_id) = &filter.row_id {
        query.push(" and row_id = ").push_bind(row_id);
    }
    if let Some(changed_by) = filter.changed_by {
        query.push(" and changed_by = ").push_bind(changed_by);
    }
    if let Some(from) = filter.from {
        query.push(" and changed_at >= ").push_bind(from);
    }
    if let Some(to) = filter.to {
        query.push(" and changed_at < ").push_bind(to);
    }
}

pub async fn list(
    tx: &mut Tx,
    filter: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<Page<AuditRow>, DbError> {
    let mut count = QueryBuilder::new("select count(*) from audit_logs");
    push_filter(&mut count, filter);
    let total: i64 = count.build_query_scalar().fetch_one(&mut **tx).await?;
    let mut query = QueryBuilder::new(
        "select id, table_name, row_id, action, changed_by, api_key_id, request_id, before_data, \
                after_data, changed_at from audit_logs",
    );
    push_filter(&mut query, filter);
    query
        .push(" order by changed_at desc, id desc limit ")
        .push_bind(limit);
    query.push(" offset ").push_bind(offset);
    let rows = query.build_query_as().fetch_all(&mut **tx).await?;
    Ok(Page {
        rows,
        total,
        capped: false,
    })
}
