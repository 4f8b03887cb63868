//! The customer as lists show it.

use chrono::{DateTime, Utc};
use persistence::crm::customers::CustomerRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct Customer {
    pub id: Uuid,
    #[schema(example = "CUST-2026-000042")]
    pub customer_code: String,
    pub company_name: String,
    pub npwp: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_name: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    pub notes: String,
    pub lead_count: i64,
    pub open_prospects: i64,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<CustomerRow> for Customer {
    fn from(r: CustomerRow) -> Self {
        Self {
            id: r.id,
            customer_code: r.customer_code,
            company_name: r.company_name,
            npwp: r.npwp,
            email: r.email,
            phone: r.phone,
            contact_name: r.contact_name,
            address: r.address,
            city: r.city,
            latitude: r.latitude,
            longitude: r.longitude,
            owner_user_id: r.owner_user_id,
            owner_name: r.owner_name,
            notes: r.notes,
            lead_count: r.lead_count,
            open_prospects: r.open_prospects,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}
