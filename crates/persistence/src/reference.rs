//! Reference data: roles and departments.

use sqlx::FromRow;

use crate::{DbError, Tx};

#[derive(Debug, Clone, FromRow)]
pub struct RoleRow {
    pub name: String,
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, FromRow)]
pub struct DepartmentRow {
    pub code: String,
    pub name: String,
}

pub async fn roles(tx: &mut Tx) -> Result<Vec<RoleRow>, DbError> {
    Ok(sqlx::query_as!(
        RoleRow,
        r#"select name as "name!", label as "label!", description as "description!" from roles order by sort_order"#
    )
    .fetch_all(&mut **tx)
    .await?)
}

pub async fn departments(tx: &mut Tx) -> Result<Vec<DepartmentRow>, DbError> {
    Ok(sqlx::query_as!(
        DepartmentRow,
        r#"select code as "code!", name as "name!" from departments order by code"#
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// The lists an import template offers: channel codes, and the metric keys that take
/// entries (MANUAL and IMPORTED).
#[derive(Debug, Clone, Default)]
pub struct ImportChoices {
    pub channels: Vec<String>,
    pub metric_keys: Vec<String>,
}

pub async fn import_choices(tx: &mut Tx) -> Result<ImportChoices, DbError> {
    let channels = sqlx::query_scalar!("select code from channels order by code")
        .fetch_all(&mut **tx)
        .await?;
    let metric_keys = sqlx::query_scalar!(
        "select metric_key from kpi_metric_definitions where source <> 'AUTO' order by metric_key"
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(ImportChoices {
        channels,
        metric_keys,
    })
}
