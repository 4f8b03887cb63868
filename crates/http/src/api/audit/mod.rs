//! PLT-AUDIT: the audit log, read by super_admin and director.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use domain::Capability;
use persistence::audit::{self, AuditFilter, AuditRow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    api::{page_request, require, ListBody},
    error::{ApiResult, ErrorBody},
    extract::UserTx,
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListAuditLogsQuery {
    pub table_name: Option<String>,
    pub row_id: Option<String>,
    pub changed_by: Option<Uuid>,
    /// Inclusive lower bound of `changed_at` (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Exclusive upper bound of `changed_at` (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    pub page: Option<i64>,
    pub per_page: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditLog {
    pub id: i64,
    pub table_name: String,
    pub row_id: Option<String>,
    /// INSERT, UPDATE or DELETE.
    pub action: String,
    pub changed_by: Option<Uuid>,
    pub api_key_id: Option<Uuid>,
    pub request_id: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub before_data: Option<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub after_data: Option<serde_json::Value>,
    pub changed_at: DateTime<Utc>,
}

impl From<AuditRow> for AuditLog {
    fn from(row: AuditRow) -> Self {
        Self {
            id: row.id,
            table_name: row.table_name,
            row_id: row.row_id,
            action: row.action,
            changed_by: row.changed_by,
            api_key_id: row.api_key_id,
            request_id: row.request_id,
            before_data: row.before_data,
            after_data: row.after_data,
            changed_at: row.changed_at,
        }
    }
}

/// Who changed what and when, newest first.
#[utoipa::path(
    tag = "audit",
    security(("bearer" = [])),
    params(ListAuditLogsQuery),
    responses(
        (status = 200, description = "A page of audit rows", body = ListBody<AuditLog>),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 403, description = "Only super admins and directors read the audit log", body = ErrorBody),
    )
)]
#[get("/audit-logs")]
#[tracing::instrument(name = "GET /audit-logs", skip_all)]
pub async fn list_audit_logs(
    ctx: UserTx,
    query: web::Query<ListAuditLogsQuery>,
) -> ApiResult<web::Json<ListBody<AuditLog>>> {
    let UserTx { mut tx, user } = ctx;
    require(&user, Capability::ReadAudit)?;
    let query = query.into_inner();
    let page = page_request(query.page, query.per_page)?;
    let filter = AuditFilter {
        table_name: query.table_name,
        row_id: query.row_id,
        changed_by: query.changed_by,
        from: query.from,
        to: query.to,
    };
    let rows = audit::list(&mut tx, &filter, page.limit(), page.offset()).await?;
    persistence::commit(tx).await?;
    Ok(web::Json(ListBody::new(rows, page, AuditLog::from)))
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_audit_logs);
}
