//! The lead as the API shows it.

use chrono::{DateTime, Utc};
use persistence::crm::leads::LeadRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct Lead {
    pub id: Uuid,
    #[schema(example = "LEAD-2026-000123")]
    pub lead_code: String,
    #[schema(example = "new")]
    pub status: domain::crm::LeadStatus,
    #[schema(example = "instagram_ads")]
    pub channel: String,
    pub channel_name: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub company_name: Option<String>,
    pub contact_name: String,
    pub email: Option<String>,
    /// E.164, e.g. `+6281234567890`.
    pub phone: Option<String>,
    /// 16 digits.
    pub npwp: Option<String>,
    pub service_interest: Option<String>,
    pub notes: String,
    pub need_rfq: bool,
    #[schema(value_type = Option<Object>)]
    pub rfq: Option<serde_json::Value>,
    pub customer_id: Uuid,
    pub customer_code: Option<String>,
    pub customer_name: Option<String>,
    pub prospect_id: Uuid,
    pub prospect_code: Option<String>,
    /// Pipeline stage of the lead's prospect.
    pub stage: Option<domain::crm::Stage>,
    pub ticket_id: Option<Uuid>,
    pub ticket_code: Option<String>,
    /// What linked the lead to an existing customer at entry (`npwp`, `email`, `phone`,
    /// `company_name`), `null` when the customer was new.
    pub matched_on: Option<String>,
    pub marketing_owner_user_id: Option<Uuid>,
    pub marketing_owner_name: Option<String>,
    pub sales_owner_user_id: Option<Uuid>,
    pub sales_owner_name: Option<String>,
    pub assigned_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub created_by_name: Option<String>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<LeadRow> for Lead {
    fn from(r: LeadRow) -> Self {
        Self {
            id: r.id,
            lead_code: r.lead_code,
            status: r.status.0,
            channel: r.channel,
            channel_name: r.channel_name,
            utm_source: r.utm_source,
            utm_medium: r.utm_medium,
            utm_campaign: r.utm_campaign,
            company_name: r.company_name,
            contact_name: r.contact_name,
            email: r.email,
            phone: r.phone,
            npwp: r.npwp,
            service_interest: r.service_interest,
            notes: r.notes,
            need_rfq: r.need_rfq,
            rfq: r.rfq,
            customer_id: r.customer_id,
            customer_code: r.customer_code,
            customer_name: r.customer_name,
            prospect_id: r.prospect_id,
            prospect_code: r.prospect_code,
            stage: r.stage.map(|s| s.0),
            ticket_id: r.ticket_id,
            ticket_code: r.ticket_code,
            matched_on: r.matched_on,
            marketing_owner_user_id: r.marketing_owner_user_id,
            marketing_owner_name: r.marketing_owner_name,
            sales_owner_user_id: r.sales_owner_user_id,
            sales_owner_name: r.sales_owner_name,
            assigned_at: r.assigned_at,
            created_by: r.created_by,
            created_by_name: r.created_by_name,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}
