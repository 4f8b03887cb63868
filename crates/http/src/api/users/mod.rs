//! AUTH-3: users administration (super_admin; cs_admin for CS agents) and the directory.

pub mod create;
pub mod deactivate;
pub mod get;
pub mod list;
pub mod update;

use chrono::{DateTime, Utc};
use domain::{Capability, Role};
use persistence::{users::UserRow, UserPrincipal};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

#[derive(Debug, Serialize, ToSchema)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub full_name: String,
    #[schema(example = "salesperson")]
    pub role: domain::Role,
    #[schema(example = "SAL")]
    pub dept: Option<domain::Department>,
    pub manager_user_id: Option<Uuid>,
    pub manager_name: Option<String>,
    pub is_active: bool,
    pub language: String,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<UserRow> for User {
    fn from(row: UserRow) -> Self {
        Self {
            id: row.id,
            email: row.email,
            full_name: row.full_name,
            role: row.role_name.0,
            dept: row.dept_code.map(|d| d.0),
            manager_user_id: row.manager_user_id,
            manager_name: row.manager_name,
            is_active: row.is_active,
            language: row.language,
            last_login_at: row.last_login_at,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

pub fn parse_language(raw: &str) -> Result<String, &'static str> {
    match raw.trim() {
        "id" => Ok("id".to_owned()),
        "en" => Ok("en".to_owned()),
        _ => Err("must be 'id' or 'en'"),
    }
}

/// 403 unless `actor` administers users of role `target` (AUTH-3).
pub fn require_manages(actor: &UserPrincipal, target: &str) -> ApiResult<()> {
    if !actor.role.can(Capability::ManageUsers) {
        return Err(ApiError::Forbidden);
    }
    match target.parse::<Role>() {
        Ok(role) if actor.role.may_manage_role(role) => Ok(()),
        _ => Err(ApiError::Forbidden),
    }
}

/// Registers the operations of this module (literal paths before `{id}` paths).
pub(crate) fn routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list::list_users)
        .service(create::create_user)
        .service(get::get_user)
        .service(update::update_user)
        .service(deactivate::deactivate_user);
}
