//! The KPI module's response bodies (SPEC §4.12). Values are decimal strings.

use chrono::{DateTime, NaiveDate, Utc};
use domain::kpi::{AssigneeKind, EntrySource, KpiAggregation, KpiDirection, KpiSource, KpiUnit};
use persistence::kpi::{definitions::MetricRow, entries::EntryRow, targets::TargetRow};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A metric definition (KPI-1).
#[derive(Debug, Serialize, ToSchema)]
pub struct Metric {
    pub metric_key: String,
    /// Indonesian name.
    pub name: String,
    pub name_en: String,
    /// The role that owns the metric's targets.
    pub owner_role: String,
    pub dept: String,
    pub unit: KpiUnit,
    pub direction: KpiDirection,
    pub source: KpiSource,
    pub aggregation: KpiAggregation,
    /// How the actual is computed.
    pub formula: String,
}

impl From<MetricRow> for Metric {
    fn from(m: MetricRow) -> Self {
        Self {
            metric_key: m.metric_key,
            name: m.name_id,
            name_en: m.name_en,
            owner_role: m.owner_role,
            dept: m.dept,
            unit: m.unit.0,
            direction: m.direction.0,
            source: m.source.0,
            aggregation: m.aggregation.0,
            formula: m.formula,
        }
    }
}

/// A target (KPI-2).
#[derive(Debug, Serialize, ToSchema)]
pub struct Target {
    pub id: Uuid,
    pub metric_key: String,
    pub assignee_kind: AssigneeKind,
    /// The user, or the team's manager.
    pub assignee_user_id: Option<Uuid>,
    pub assignee_user_name: Option<String>,
    pub assignee_dept: Option<String>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    #[schema(example = "300.00")]
    pub target_value: String,
    pub note: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TargetRow> for Target {
    fn from(t: TargetRow) -> Self {
        Self {
            id: t.id,
            metric_key: t.metric_key,
            assignee_kind: t.assignee_kind.0,
            assignee_user_id: t.assignee_user_id,
            assignee_user_name: t.assignee_user_name,
            assignee_dept: t.assignee_dept,
            period_start: t.period_start,
            period_end: t.period_end,
            target_value: t.target_value,
            note: t.note,
            created_by: t.created_by,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

/// The body of a 409 on an overlapping target: the error envelope plus the target it
/// overlaps (absent when you may not read it).
#[derive(Debug, Serialize, ToSchema)]
pub struct TargetConflictBody {
    pub error: String,
    pub code: crate::error::ErrorCode,
    #[schema(value_type = Object)]
    pub details: domain::FieldErrors,
    pub conflicting_target: Option<Target>,
}

/// A manual or imported value (KPI-3).
#[derive(Debug, Serialize, ToSchema)]
pub struct Entry {
    pub id: Uuid,
    pub metric_key: String,
    pub assignee_kind: AssigneeKind,
    pub assignee_user_id: Option<Uuid>,
    pub assignee_user_name: Option<String>,
    pub assignee_dept: Option<String>,
    pub entry_date: NaiveDate,
    #[schema(example = "12.00")]
    pub value: String,
    pub note: String,
    pub evidence_file_id: Option<Uuid>,
    pub source: EntrySource,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl From<EntryRow> for Entry {
    fn from(e: EntryRow) -> Self {
        Self {
            id: e.id,
            metric_key: e.metric_key,
            assignee_kind: e.assignee_kind.0,
            assignee_user_id: e.assignee_user_id,
            assignee_user_name: e.assignee_user_name,
            assignee_dept: e.assignee_dept,
            entry_date: e.entry_date,
            value: e.value,
            note: e.note,
            evidence_file_id: e.evidence_file_id,
            source: e.source.0,
            created_by: e.created_by,
            created_at: e.created_at,
        }
    }
}
