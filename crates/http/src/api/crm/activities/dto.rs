//! The activity's response shape, shared by its operations.

use chrono::{DateTime, Utc};
use persistence::crm::activities::ActivityRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct Activity {
    pub id: Uuid,
    /// visit, call, meeting, email, whatsapp, or system (written by the application).
    pub activity_type: String,
    pub subject: String,
    pub notes: String,
    pub customer_id: Uuid,
    pub customer_name: Option<String>,
    pub prospect_id: Option<Uuid>,
    pub lead_id: Option<Uuid>,
    pub owner_user_id: Option<Uuid>,
    pub owner_name: Option<String>,
    /// Stamped by the server when the activity was logged.
    pub occurred_at: DateTime<Utc>,
    /// A planned activity's time.
    pub scheduled_at: Option<DateTime<Utc>>,
    /// The visit photo; download through `GET /files/{id}`.
    pub evidence_file_id: Option<Uuid>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// Metres between the visit's GPS point and the customer's location, when known.
    pub distance_m: Option<f64>,
    pub next_action: Option<String>,
    pub next_action_at: Option<DateTime<Utc>>,
    pub created_by: Option<Uuid>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ActivityRow> for Activity {
    fn from(r: ActivityRow) -> Self {
        Self {
            id: r.id,
            activity_type: r.activity_type,
            subject: r.subject,
            notes: r.notes,
            customer_id: r.customer_id,
            customer_name: r.customer_name,
            prospect_id: r.prospect_id,
            lead_id: r.lead_id,
            owner_user_id: r.owner_user_id,
            owner_name: r.owner_name,
            occurred_at: r.occurred_at,
            scheduled_at: r.scheduled_at,
            evidence_file_id: r.evidence_file_id,
            latitude: r.latitude,
            longitude: r.longitude,
            distance_m: r.distance_m,
            next_action: r.next_action,
            next_action_at: r.next_action_at,
            created_by: r.created_by,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}
