//! KPI-1: the metric definitions.

use domain::kpi::{KpiAggregation, KpiDirection, KpiSource, KpiUnit};

use crate::{DbError, Stored, Tx};

/// A metric as defined.
#[derive(Debug, Clone)]
pub struct MetricRow {
    pub metric_key: String,
    pub name_id: String,
    pub name_en: String,
    pub owner_role: String,
    pub dept: String,
    pub unit: Stored<KpiUnit>,
    pub direction: Stored<KpiDirection>,
    pub source: Stored<KpiSource>,
    pub aggregation: Stored<KpiAggregation>,
    pub formula: String,
}

/// Every active metric, in display order.
pub async fn list(tx: &mut Tx) -> Result<Vec<MetricRow>, DbError> {
    Ok(sqlx::query_as!(
        MetricRow,
        r#"select metric_key, name_id, name_en, owner_role, dept,
                  unit as "unit: Stored<KpiUnit>", direction as "direction: Stored<KpiDirection>",
                  source as "source: Stored<KpiSource>", aggregation as "aggregation: Stored<KpiAggregation>",
                  formula
             from kpi_metric_definitions where is_active order by sort_order, metric_key"#
    )
    .fetch_all(&mut **tx)
    .await?)
}

/// One active metric; [`DbError::NotFound`] for an unknown key.
pub async fn get(tx: &mut Tx, key: &str) -> Result<MetricRow, DbError> {
    list(tx)
        .await?
        .into_iter()
        .find(|m| m.metric_key == key)
        .ok_or(DbError::NotFound)
}
