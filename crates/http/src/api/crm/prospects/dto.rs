//! The prospect as lists show it.

use chrono::{DateTime, NaiveDate, Utc};
use persistence::crm::prospects::ProspectRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct Prospect {
    pub id: Uuid,
    #[schema(example = "PRS-2026-000007")]
    pub prospect_code: String,
    pub customer_id: Uuid,
    pub customer_code: Option<String>,
    pub customer_name: Option<String>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    #[schema(example = "qualification")]
    pub stage: domain::crm::Stage,
    /// Win probability of the stage in percent, decimal string.
    #[schema(example = "40.00")]
    pub probability: String,
    /// IDR, decimal string.
    #[schema(example = "150000000.00")]
    pub expected_value: String,
    /// expected_value × probability, decimal string.
    #[schema(example = "60000000.00")]
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

impl From<ProspectRow> for Prospect {
    fn from(r: ProspectRow) -> Self {
        Self {
            id: r.id,
            prospect_code: r.prospect_code,
            customer_id: r.customer_id,
            customer_code: r.customer_code,
            customer_name: r.customer_name,
            owner_user_id: r.owner_user_id,
            owner_name: r.owner_name,
            stage: r.stage.0,
            probability: r.probability,
            expected_value: r.expected_value,
            weighted_value: r.weighted_value,
            expected_close_date: r.expected_close_date,
            lost_reason: r.lost_reason,
            service_interest: r.service_interest,
            notes: r.notes,
            stage_changed_at: r.stage_changed_at,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}
