//! USR-2: the user activity log — sign-ins, sign-outs, exports, imports, views of
//! sensitive pages and API-key use — for super_admin.

pub mod export;
pub mod list;
pub mod record;

use actix_web::web;
use chrono::{DateTime, NaiveDate, Utc};
use domain::{
    user_events::{UserEventFilter, UserEventType},
    Capability,
};
use persistence::{user_events::UserEventRow, UserPrincipal};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    api::require,
    error::{ApiError, ApiResult},
};

pub use export::*;
pub use list::*;

/// The filters of the log and of its export.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserEventQuery {
    #[param(value_type = Option<UserEventType>)]
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub user_id: Option<Uuid>,
    /// First day (Asia/Jakarta), `YYYY-MM-DD`.
    pub from: Option<NaiveDate>,
    /// Last day (Asia/Jakarta), inclusive.
    pub to: Option<NaiveDate>,
    #[param(minimum = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 200)]
    pub per_page: Option<i64>,
}

/// One recorded action.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserEvent {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    #[serde(rename = "type")]
    pub kind: UserEventType,
    /// Null for a failed sign-in of an unknown e-mail and for API-key use.
    pub user_id: Option<Uuid>,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    /// The e-mail as typed, for failed sign-ins.
    pub email: Option<String>,
    pub api_key_id: Option<Uuid>,
    pub api_key_name: Option<String>,
    #[schema(example = "exports/invoices")]
    pub resource: Option<String>,
    /// An export's filters; an import's id, module and counts.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

impl From<UserEventRow> for UserEvent {
    fn from(row: UserEventRow) -> Self {
        Self {
            id: row.id,
            occurred_at: row.occurred_at,
            kind: row.kind.0,
            user_id: row.user_id,
            user_name: row.user_name,
            user_email: row.user_email,
            email: row.email,
            api_key_id: row.api_key_id,
            api_key_name: row.api_key_name,
            resource: row.resource,
            details: row.details,
            ip: row.ip,
            user_agent: row.user_agent,
        }
    }
}

/// 403 unless the caller reads the log (super_admin).
pub fn require_reader(user: &UserPrincipal) -> ApiResult<()> {
    require(user, Capability::ReadUserEvents)
}

impl TryFrom<&UserEventQuery> for UserEventFilter {
    type Error = ApiError;

    fn try_from(query: &UserEventQuery) -> ApiResult<Self> {
        let mut errors = domain::FieldErrors::new();
        let kind = query
            .kind
            .as_deref()
            .filter(|k| !k.trim().is_empty())
            .and_then(|k| errors.take("type", k.parse::<UserEventType>()));
        errors.into_result().map_err(ApiError::Validation)?;
        UserEventFilter::new(kind, query.user_id, query.from, query.to)
            .map_err(|(field, message)| ApiError::validation(field, message))
    }
}

/// Registers the operations of this module.
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_user_events).service(export_user_events);
}

/// The query of a request, for handlers that take it whole.
pub type Query = web::Query<UserEventQuery>;
