//! AUTH-4: API keys for machines (n8n). super_admin only.

pub mod create;
pub mod list;
pub mod revoke;

use chrono::{DateTime, Utc};
use persistence::api_keys::ApiKeyRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKey {
    pub id: Uuid,
    pub name: String,
    /// The first characters of the key, to recognise it.
    #[schema(example = "cck_a1B2c3D4")]
    pub prefix: String,
    #[schema(example = json!(["tickets:write", "broadcast:write"]))]
    pub scopes: Vec<String>,
    /// Requests per minute the key may make; over it: 429 with `Retry-After`.
    #[schema(example = 1200)]
    pub rate_limit_per_minute: i32,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiKeyRow> for ApiKey {
    fn from(row: ApiKeyRow) -> Self {
        Self {
            id: row.id,
            name: row.name,
            prefix: row.key_prefix,
            scopes: row.scopes,
            rate_limit_per_minute: row.rate_limit_per_minute,
            created_by: row.created_by,
            created_at: row.created_at,
            last_used_at: row.last_used_at,
            revoked_at: row.revoked_at,
        }
    }
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list::list_api_keys)
        .service(create::create_api_key)
        .service(revoke::revoke_api_key);
}
